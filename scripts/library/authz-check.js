// Authorization checks (docs/authorization-matrix.md): personas, each a signed-in user with its own
// tokens, call the same operation on the owner's object; the allowed ones must succeed, every other
// one must be refused as the API documents (403 or 404). Objects are created for the run by their
// owner and deleted by the cleanup item at its end. Tokens and passwords are never logged.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;
  var AUTHZ_VARS = gatecheck.constants.authzVariables;
  var MATRIX = AUTHZ_VARS.matrix;
  var CLEANUP = AUTHZ_VARS.cleanup;
  var MARKER = AUTHZ_VARS.objectIdMarker;
  // What a persona keeps apart from the run's main user: its credentials, tokens and sign-in state.
  var SCOPED = [
    'username',
    'password',
    RUN_VARS.idToken,
    RUN_VARS.accessToken,
    RUN_VARS.refreshToken,
    RUN_VARS.tokenExpiresAt,
    RUN_VARS.cognitoUsername,
    RUN_VARS.session,
    RUN_VARS.challengeName,
    RUN_VARS.challengeParameters,
    RUN_VARS.availableChallenges,
    RUN_VARS.challengeSteps,
    RUN_VARS.signInFailed,
  ];

  function personaVariable(persona, name) {
    return AUTHZ_VARS.personaPrefix + persona + '.' + name;
  }

  // The calling script's `pm` as the Cognito client of scripts/library/cognito-client.js sees it,
  // with the persona's variables in place of the main user's: the sign-in code is shared unchanged.
  function personaView(pm, persona) {
    return gatecheck.state.view(pm, function (variable) {
      return SCOPED.indexOf(variable) === -1 ? variable : personaVariable(persona, variable);
    });
  }

  function tokenVariable(check) {
    return check.tokenKind === 'id' ? RUN_VARS.idToken : RUN_VARS.accessToken;
  }

  function freshToken(pm, persona, variable) {
    var token = pm.variables.get(personaVariable(persona, variable));
    if (!token) return '';
    var exp = Number(gatecheck.jwt.claims(token).exp) * 1000;
    return !exp || exp - Date.now() > 60000 ? token : '';
  }

  // One sign-in per persona per run: the token is kept in the persona's own variables; a failed
  // sign-in is not retried in the same run (Cognito locks users out after repeated failures).
  function withToken(pm, persona, variable, done) {
    var token = freshToken(pm, persona, variable);
    if (token) return done(null, token);
    var view = personaView(pm, persona);
    var client = gatecheck.cognitoClient(view);
    var failed = client.recentSignInFailure();
    if (failed) return done(new Error(failed));
    if (!view.variables.get('username') || !view.variables.get('password'))
      return done(new Error('no credentials (set GATECHECK_' + persona.toUpperCase() + '_*)'));
    return gatecheck.signInWith(view, function (error) {
      if (error) {
        client.recordSignInFailure(error.message);
        return done(error);
      }
      return done(null, freshToken(pm, persona, variable));
    });
  }

  function readMatrix(pm) {
    return gatecheck.state.parseJson(pm.collectionVariables.get(MATRIX), {});
  }

  // One cell per operation and persona; a failure stays a failure.
  function recordCell(pm, check, verdict) {
    if (!check.inMatrix) return;
    var matrix = readMatrix(pm);
    var row = matrix[check.operation] || {};
    if (row[check.persona] !== 'failed') row[check.persona] = verdict;
    matrix[check.operation] = row;
    pm.collectionVariables.set(MATRIX, JSON.stringify(matrix));
  }

  // The id at a JSON pointer of the answer ('' when absent).
  function idAt(body, pointer) {
    var value = body;
    var tokens = pointer ? pointer.split('/').slice(1) : [];
    for (var i = 0; i < tokens.length; i += 1) {
      var key = tokens[i].replace(/~1/g, '/').replace(/~0/g, '~');
      value = value !== null && typeof value === 'object' ? value[key] : undefined;
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }

  // What a run created, to be deleted at its end (also after a failed check).
  function rememberCleanup(pm, check, id) {
    if (!check.cleanup || !id) return;
    var list = gatecheck.state.parseJson(pm.collectionVariables.get(CLEANUP), []);
    list.push({
      persona: check.persona,
      method: check.cleanup.method.toUpperCase(),
      path: check.cleanup.path.split(MARKER).join(encodeURIComponent(id)),
      tokenHeader: check.tokenHeader,
      tokenKind: check.tokenKind,
      apiKey: check.apiKey || null,
    });
    pm.collectionVariables.set(CLEANUP, JSON.stringify(list));
  }

  function createdId(pm, check) {
    var body = gatecheck.state.parseJson(pm.response.text(), null);
    return check.cleanup ? idAt(body, check.cleanup.idPointer) : '';
  }

  gatecheck.authz = {
    prerequest: function (pm, check) {
      var problem = AUTHZ_VARS.problemPrefix + check.id;
      pm.collectionVariables.unset(problem);
      if (check.objectVariable && !pm.variables.get(check.objectVariable)) {
        recordCell(pm, check, 'skipped');
        return gatecheck.state.skip(pm, check, 'the object for this check could not be created');
      }
      gatecheck.state.sendApiKey(pm, check);
      return withToken(pm, check.persona, tokenVariable(check), function (error, token) {
        if (error) return pm.collectionVariables.set(problem, error.message);
        return pm.request.headers.upsert({
          key: check.tokenHeader,
          value: gatecheck.state.tokenHeaderValue(check.tokenHeader, token),
        });
      });
    },

    test: function (pm, check) {
      var state = gatecheck.state;
      state.count(pm, RUN_VARS.ran);
      var problem = state.take(pm, AUTHZ_VARS.problemPrefix + check.id);
      var response = pm.response;
      var request = check.method.toUpperCase() + ' ' + pm.request.url.toString();
      if (problem) {
        pm.test(check.label + ' signs in', function () {
          pm.expect.fail(check.persona + ' could not sign in: ' + problem);
        });
        return recordCell(pm, check, 'failed');
      }
      if (!state.assertAnswered(pm, check)) return recordCell(pm, check, 'failed');
      var answers = state.answers(check);
      pm.test(check.label + ': answered by API Gateway', function () {
        pm.expect(
          state.requestIdPresent(response, answers.requestIdHeaders),
          'request id',
        ).to.equal(true);
      });
      var success = response.code >= 200 && response.code < 300;
      if (check.expect.mode === 'create' || check.expect.mode === 'allowed') {
        var passed = response.code === check.expect.status;
        pm.test(check.label + ' gets ' + check.expect.status, function () {
          pm.expect(response.code, request).to.equal(check.expect.status);
        });
        if (success) rememberCleanup(pm, check, createdId(pm, check));
        if (check.expect.mode === 'create') {
          var id = success
            ? idAt(state.parseJson(response.text(), null), check.cleanup.idPointer)
            : '';
          pm.test(check.label + ': the answer names the new object', function () {
            pm.expect(id, 'id at ' + check.cleanup.idPointer).to.not.equal('');
          });
          pm.collectionVariables.set(check.expect.objectVariable, passed ? id : '');
          if (passed && id && check.expect.control)
            pm.collectionVariables.set(check.controlVariable, 'passed');
          return undefined;
        }
        if (passed) pm.collectionVariables.set(check.controlVariable, 'passed');
        return recordCell(pm, check, passed ? 'allowed' : 'failed');
      }
      if (pm.collectionVariables.get(check.controlVariable) !== 'passed') {
        state.count(pm, RUN_VARS.inconclusive);
        pm.test.skip(check.label + ': inconclusive: no allowed persona got through first');
        return recordCell(pm, check, 'inconclusive');
      }
      var objectId = check.objectVariable ? String(pm.variables.get(check.objectVariable)) : '';
      var exposes = objectId !== '' && response.text().indexOf(objectId) !== -1;
      var refused = check.expect.statuses.indexOf(response.code) !== -1;
      var errorType = state.errorType(response);
      pm.test(
        check.label +
          ': ' +
          check.persona +
          ' is refused (' +
          check.expect.statuses.join(' or ') +
          ')',
        function () {
          if (success)
            pm.expect.fail(
              'leak: ' + request + ' as ' + check.persona + ' answered ' + response.code,
            );
          pm.expect(response.code, request).to.be.oneOf(check.expect.statuses);
        },
      );
      // A refusal by the authorizer would mean the persona's token was not accepted at all.
      pm.test(check.label + ': refused by the API, not by the authorizer', function () {
        pm.expect(errorType, 'x-amzn-ErrorType').to.equal('');
      });
      // A 2xx has failed above; a refusal must not carry the object either.
      if (!success)
        pm.test(check.label + ": the refusal does not expose the owner's object", function () {
          pm.expect(exposes, 'leak: ' + request + ' as ' + check.persona + ' returned it').to.equal(
            false,
          );
        });
      if (success) rememberCleanup(pm, check, createdId(pm, check));
      return recordCell(pm, check, refused && !exposes && !errorType ? 'refused' : 'failed');
    },

    // The last item: deletes what the run created, each with its creator's token; its own request
    // is skipped. Runs whatever the checks before it found.
    cleanup: function (pm) {
      var list = gatecheck.state.parseJson(pm.collectionVariables.get(CLEANUP), []);
      pm.collectionVariables.set(CLEANUP, '[]');
      list.forEach(function (entry) {
        // Only a path on the API's own host: `{{baseUrl}}` + `@host/...` would name another host.
        if (String(entry.path).charAt(0) !== '/') return;
        withToken(
          pm,
          entry.persona,
          entry.tokenKind === 'id' ? RUN_VARS.idToken : RUN_VARS.accessToken,
          function (error, token) {
            if (error)
              return console.warn('gatecheck: cleanup: ' + entry.persona + ' could not sign in');
            var header = [
              {
                key: entry.tokenHeader,
                value: gatecheck.state.tokenHeaderValue(entry.tokenHeader, token),
              },
            ];
            if (entry.apiKey)
              header.push({ key: entry.apiKey.header, value: pm.variables.get('apiKey') || '' });
            return pm.sendRequest(
              {
                url: pm.variables.replaceIn('{{baseUrl}}') + entry.path,
                method: entry.method,
                header: header,
              },
              function (sendError, response) {
                if (sendError || response.code >= 300)
                  console.warn(
                    'gatecheck: cleanup: ' +
                      entry.method +
                      ' ' +
                      entry.path +
                      ' answered ' +
                      (sendError ? 'nothing' : response.code),
                  );
              },
            );
          },
        );
      });
      if (pm.execution && typeof pm.execution.skipRequest === 'function')
        pm.execution.skipRequest();
    },
  };
})();
