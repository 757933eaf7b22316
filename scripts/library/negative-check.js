// Negative checks (docs/reference/check-catalogue.md §2): the pre-request script sets the credentials the check sends
// (a missing, malformed, forged, expired, wrong-kind or other-pool token, or a missing/wrong API
// key), nothing else; the request itself (method, URL, body) is identical to the control that ran
// before its block. The test script asserts the gateway's exact rejection, and nothing that merely
// looks like one.
//
// Run counters (collection variables; every check of a collection uses the same ones):
//   gatecheck.ran          +1 for every check that executed (positive, control, negative, public)
//   gatecheck.skipped      +1 for every check reported with pm.test.skip (a token it needs is absent)
//   gatecheck.inconclusive +1 for every negative whose control did not pass or whose token could not be built
// The run guard (last item) fails the run unless ran + skipped equals the planned count and
// inconclusive is 0.
//
// Tokens are never logged. A token that cannot be had is reported as SKIPPED (never as passed);
// one that should exist but cannot be built makes the check INCONCLUSIVE (a failure).
gatecheck.negative = {
  prerequest: function (pm, check) {
    gatecheck.whenSignedIn(pm, function () {
      gatecheck.negative.credentials(pm, check);
    });
  },

  credentials: function (pm, check) {
    var state = gatecheck.state;
    var unbuiltVariable = state.variable('unbuilt', check.id);
    pm.collectionVariables.unset(state.variable('skip', check.id));
    pm.collectionVariables.unset(unbuiltVariable);

    function setToken(value) {
      if (value === null) pm.request.headers.remove(check.tokenHeader);
      else pm.request.headers.upsert({ key: check.tokenHeader, value: value });
    }
    function sendToken(token) {
      setToken(state.tokenHeaderValue(check.tokenHeader, token));
    }
    // The token should exist but could not be had: the check is inconclusive, never passed.
    function unbuilt(reason) {
      setToken(null);
      pm.collectionVariables.set(unbuiltVariable, reason);
    }
    function skip(reason) {
      setToken(null);
      state.skip(pm, check, reason);
    }
    function sent(reason, token) {
      return reason ? unbuilt(reason) : sendToken(token);
    }

    if (check.apiKey) {
      if (check.apiKey.value === 'omit') pm.request.headers.remove(check.apiKey.header);
      else
        pm.request.headers.upsert({
          key: check.apiKey.header,
          value:
            check.apiKey.value === 'wrong'
              ? gatecheck.constants.wrongApiKey
              : pm.variables.get('apiKey') || '',
        });
    }

    var token = check.token;
    if (token.from === 'none') return setToken(null);
    if (token.from === 'literal') return setToken(token.value);
    if (token.from === 'variable')
      return gatecheck.negative.suppliedOrMinted(pm, token, skip, sent);

    var captured = pm.variables.get(token.variable);
    // Pool N of an API with several pools, without credentials: nothing to send, say what to set.
    if (!captured && token.pool && !pm.variables.get('gatecheck.pool.' + token.pool + '.clientId'))
      return skip(
        'set GATECHECK_POOL' +
          token.pool +
          '_CLIENT_ID, _USERNAME and _PASSWORD to check with user pool ' +
          token.pool +
          "'s tokens",
      );
    if (!captured)
      return unbuilt('no captured ' + token.kind + ' token: the sign-in did not succeed');
    if (token.from === 'captured') return sendToken(captured);

    // A header value the Lambda authorizer's validation expression refuses, around the valid token.
    if (token.forgery === 'expression-mismatch')
      return setToken(String(token.variant).split('<token>').join(captured));
    var jwt = gatecheck.jwt.split(captured);
    if (!jwt) return unbuilt('the captured ' + token.kind + ' token is not a JWT');
    return gatecheck.forgeToken(
      pm,
      token.forgery,
      token.variant,
      jwt,
      sent,
      token.distinct ? check.id : undefined,
    );
  },

  // A token the run supplies (checked to be what this check needs), else one the sandbox mints.
  suppliedOrMinted: function (pm, token, skip, sendOrUnbuilt) {
    var mint = token.mint;
    // aud-not-matching: a token whose `aud` the identityValidationExpression accepts shows nothing.
    // The expression is taken to match the whole value (UNCONFIRMED, docs/reference/
    // aws-wire-behaviour.md §2.1).
    function sent(reason, value) {
      if (reason || !token.audNotMatching) return sendOrUnbuilt(reason, value);
      var jwt = gatecheck.jwt.split(value);
      var aud = jwt ? [].concat(jwt[1].aud === undefined ? [] : jwt[1].aud) : [];
      var pattern = new RegExp('^(?:' + token.audNotMatching + ')$');
      var matching = aud.filter(function (value) {
        return pattern.test(String(value));
      });
      if (aud.length === 0 || matching.length > 0)
        return skip(
          token.variable +
            (aud.length === 0
              ? ' has no aud claim'
              : "'s aud matches identityValidationExpression") +
            ': supply an ID token of an app client the expression refuses',
        );
      return sendOrUnbuilt(null, value);
    }
    var supplied = pm.variables.get(token.variable);
    if (supplied) {
      var suppliedJwt = gatecheck.jwt.split(supplied);
      if (!suppliedJwt) return skip(token.variable + ' is not a JWT');
      var claims = suppliedJwt[1];
      var tokenUse = mint ? mint.tokenUse : null;
      if (tokenUse && claims.token_use !== tokenUse)
        return skip(
          token.variable + ' is not an ' + tokenUse + ' token (token_use ' + claims.token_use + ')',
        );
      if (mint && mint.expired === true && !(claims.exp * 1000 < Date.now()))
        return skip(token.variable + ' has not expired yet');
      return sent(null, supplied);
    }
    var sandboxUrl = gatecheck.state.sandboxUrl(pm);
    if (!sandboxUrl || !mint)
      return skip(
        'set ' + token.variable + ' (or run against the gatecheck sandbox) to run this check',
      );
    var body = JSON.parse(JSON.stringify(mint));
    // The other pool has its own users: the sandbox names one in otherPoolUsername.
    // Pool N of an API with several pools (`pool<N>`): that pool's user.
    var poolNumber = /^pool(\d+)$/.exec(String(body.pool || ''));
    body.username =
      (body.pool === 'other' && pm.variables.get('otherPoolUsername')) ||
      (poolNumber && pm.variables.get('gatecheck.pool.' + poolNumber[1] + '.username')) ||
      pm.variables.get('username');
    return pm.sendRequest(
      {
        url: sandboxUrl + gatecheck.constants.sandboxPaths.tokens,
        method: 'POST',
        header: [
          { key: 'Content-Type', value: 'application/json' },
          // The sandbox answers its own paths only with its secret (sandbox/types.ts).
          {
            key: gatecheck.constants.sandboxSecretHeader,
            value: pm.variables.get('sandboxSecret') || '',
          },
        ],
        body: { mode: 'raw', raw: JSON.stringify(body) },
      },
      function (error, response) {
        var minted = null;
        try {
          minted = !error && response.code === 200 ? response.json().token : null;
        } catch {
          minted = null;
        }
        if (!minted)
          return sent(
            'the sandbox did not mint the test token' +
              (error ? '' : ' (HTTP ' + response.code + ')'),
          );
        return sent(null, minted);
      },
    );
  },

  // Never satisfied by: a 403 Missing Authentication Token (wrong URL/stage/method), a WAF or
  // resource policy 403, a 429, a network error, or any answer without API Gateway's request id
  // (docs/reference/check-catalogue.md §2.1). Failure messages never quote a token.
  test: function (pm, check) {
    var state = gatecheck.state;
    var counters = gatecheck.constants.runVariables;
    // Bodies are quoted in failure messages only shortened and with anything token-shaped removed.
    function quote(text) {
      return JSON.stringify(
        String(text)
          .replace(/eyJ[\w-]*\.[\w-]*(\.[\w-]*)?/g, '<token>')
          .slice(0, 200),
      );
    }

    var skipped = state.take(pm, state.variable('skip', check.id));
    if (skipped) {
      if (check.releasesControl) state.take(pm, state.variable('verdict', check.controlId));
      pm.test.skip(check.label + ': skipped: ' + skipped);
      return state.count(pm, counters.skipped);
    }

    state.count(pm, counters.ran);
    // The block's control verdict: read by each negative of the block, cleared by the last one.
    var verdictVariable = state.variable('verdict', check.controlId);
    var verdict = check.releasesControl
      ? state.take(pm, verdictVariable)
      : pm.collectionVariables.get(verdictVariable);
    var unbuilt = state.take(pm, state.variable('unbuilt', check.id));
    // A captured token the request item names itself (no pre-request script): it must be there.
    if (!unbuilt && check.capturedVariable && !pm.variables.get(check.capturedVariable))
      unbuilt = 'no captured ' + check.tokenKind + ' token: the sign-in did not succeed';
    if (verdict !== 'passed' || unbuilt) {
      state.count(pm, counters.inconclusive);
      var why = verdict !== 'passed' ? 'control did not pass' : unbuilt;
      pm.test(check.label + ': inconclusive: ' + why, function () {
        throw new Error(
          'inconclusive: ' +
            why +
            ' (a negative check only counts after a passing control on the same request)',
        );
      });
      return undefined;
    }

    var response = pm.response;
    if (!state.assertAnswered(pm, check)) return undefined;

    // Parts with nothing to compare are left out of the data.
    var expect = {
      status: check.expect.status,
      errorType: check.expect.errorType || null,
      body: check.expect.body === undefined ? null : check.expect.body,
      bodyPattern: check.expect.bodyPattern || null,
      headers: check.expect.headers || {},
    };
    var requestIdHeaders = state.answers(check).requestIdHeaders;
    var requestId = requestIdHeaders.filter(function (name) {
      return response.headers.has(name);
    });
    pm.test(
      check.label + ': answered by API Gateway (' + requestIdHeaders.join(' or ') + ' present)',
      function () {
        pm.expect(
          requestId.length,
          'no API Gateway request id: the answer came from something else',
        ).to.be.above(0);
      },
    );

    pm.test(check.label + ': status is ' + expect.status, function () {
      pm.expect(response.code).to.equal(expect.status);
    });

    var errorType = state.errorType(response);
    if (expect.errorType !== null) {
      pm.test(check.label + ': x-amzn-ErrorType is ' + expect.errorType, function () {
        pm.expect(errorType).to.equal(expect.errorType);
      });
    } else {
      pm.test(
        check.label + ': not a routing, resource-policy or throttling rejection',
        function () {
          pm.expect(
            gatecheck.constants.trapErrorTypes,
            'x-amzn-ErrorType ' + errorType,
          ).to.not.include(errorType);
        },
      );
    }

    if (expect.body !== null) {
      pm.test(check.label + ': body is ' + JSON.stringify(expect.body), function () {
        var text = response.text();
        var body;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error('the body is not JSON: ' + quote(text));
        }
        pm.expect(
          require('lodash').isEqual(body, expect.body),
          'the body is ' + quote(text),
        ).to.equal(true);
      });
    }

    if (expect.bodyPattern !== null) {
      pm.test(check.label + ': body matches the gateway response template', function () {
        var text = response.text();
        pm.expect(new RegExp(expect.bodyPattern).test(text), 'the body is ' + quote(text)).to.equal(
          true,
        );
      });
    }

    Object.keys(expect.headers).forEach(function (name) {
      pm.test(
        check.label + ': header ' + name + ' is ' + JSON.stringify(expect.headers[name]),
        function () {
          pm.expect(response.headers.get(name)).to.equal(expect.headers[name]);
        },
      );
    });
    return undefined;
  },
};
