// Sign-in on demand, run before a request that sends a captured token (by the collection pre-request
// script where the runtime runs it, else by the item's own pre-request script through
// gatecheck.whenSignedIn): signs in (or refreshes) with pm.sendRequest when that token is missing or
// about to expire, so any request works when sent alone. In a full run the Sign-in folder has
// already done it, so this finds fresh tokens and sends nothing: one sign-in per run, not per request.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;

  // A token is fresh while more than 5 minutes (or a quarter of its lifetime, when shorter) remain.
  function tokenFresh(client, variable) {
    var token = client.variable(variable);
    // Tokens of another pool, client or user (the environment was switched) are never reused.
    if (!token || !client.tokensOwned()) return false;
    var claims = gatecheck.jwt.claims(token);
    var expiresAt = Number(claims.exp) * 1000 || Number(client.variable(RUN_VARS.tokenExpiresAt));
    var lifetime =
      claims.exp && claims.iat ? (Number(claims.exp) - Number(claims.iat)) * 1000 : 3600000;
    return expiresAt - Date.now() > Math.min(5 * 60 * 1000, lifetime / 4);
  }

  // The captured tokens a request sends: those its definition names as a variable reference
  // (`{{idToken}}`, `{{accessToken}}`, see generators/render/render-request.ts).
  function tokensNeededBy(request) {
    var definition = JSON.stringify(request.toJSON());
    return [
      RUN_VARS.idToken,
      RUN_VARS.accessToken,
      RUN_VARS.oauthAccessToken,
      RUN_VARS.machineAccessToken,
    ].filter(function (name) {
      return definition.indexOf('{{' + name + '}}') !== -1;
    });
  }

  // Tokens of the OAuth 2.0 endpoints (oauth-tokens.js): asked for one grant after the other.
  function obtainOAuthTokens(pm, grants, done) {
    if (grants.length === 0) return done();
    return gatecheck.oauth.obtain(pm, grants[0], function (error) {
      if (error) console.warn('gatecheck: OAuth 2.0 ' + grants[0] + ' token: ' + error.message);
      obtainOAuthTokens(pm, grants.slice(1), done);
    });
  }

  function continueSignIn(pm, client, error, response, steps, done) {
    if (error) return done(error);
    if (response.code !== 200) {
      // A refused answer ends that session: the next send starts a new sign-in.
      client.clearChallenge();
      return done(new Error(client.cognitoFailure(response)));
    }
    var answer = gatecheck.state.parseJson(response.text(), {});
    if (answer.AuthenticationResult) {
      client.storeTokens(answer.AuthenticationResult);
      return done(null);
    }
    if (!answer.ChallengeName)
      return done(new Error('Cognito answered neither tokens nor a challenge'));
    if (steps >= client.maxChallengeSteps) {
      return done(
        new Error('sign-in did not finish within ' + client.maxChallengeSteps + ' challenges'),
      );
    }
    var challenge = client.challengeFrom(answer);
    if (client.awaitsPastedCode(challenge)) {
      // Keep the session: the next send answers it with the pasted code instead of starting over
      // (a new InitiateAuth would send a new code and void the one in the mailbox).
      client.storeChallenge(answer);
      var pending = new Error(client.pasteCodeMessage(challenge));
      pending.awaitingCode = true;
      return done(pending);
    }
    return answerChallenge(pm, client, challenge, steps, done);
  }

  function answerChallenge(pm, client, challenge, steps, done) {
    return client.prepareChallengeAnswer(challenge, function (prepareError, body) {
      if (prepareError) return done(prepareError);
      return pm.sendRequest(client.cognitoRequest('RespondToAuthChallenge', body), function (e, r) {
        continueSignIn(pm, client, e, r, steps + 1, done);
      });
    });
  }

  function signIn(pm, client, done) {
    var body;
    try {
      body = client.initiateAuthBody();
    } catch (error) {
      return done(error);
    }
    return pm.sendRequest(client.cognitoRequest('InitiateAuth', body), function (error, response) {
      continueSignIn(pm, client, error, response, 0, done);
    });
  }

  // Refresh when a refresh token is at hand (REFRESH_TOKEN_AUTH); an expired or revoked refresh
  // token falls back to a full sign-in.
  function refreshOrSignIn(pm, client, done) {
    if (!client.variable(RUN_VARS.refreshToken) || !client.tokensOwned()) {
      return signIn(pm, client, done);
    }
    return pm.sendRequest(
      client.cognitoRequest('InitiateAuth', client.refreshBody()),
      function (error, response) {
        var answer =
          !error && response.code === 200 ? gatecheck.state.parseJson(response.text(), {}) : {};
        if (answer.AuthenticationResult) {
          client.storeTokens(answer.AuthenticationResult);
          return done(null);
        }
        return signIn(pm, client, done);
      },
    );
  }

  // A full sign-in (InitiateAuth, then each challenge) for the user `pm` names: the persona checks
  // (authz-check.js) pass a view of `pm` with the persona's variables.
  gatecheck.signInWith = function (pm, done) {
    signIn(pm, gatecheck.cognitoClient(pm), done);
  };

  // `signInRequestIds`: the Sign-in folder's own requests, which sign in themselves. `done` (optional)
  // runs once the tokens are fresh, or the sign-in failed (the request then goes out without them
  // and its checks fail honestly).
  gatecheck.signInOnDemand = function (pm, signInRequestIds, done) {
    var then = typeof done === 'function' ? done : function () {};
    // The item's own scripts (gatecheck.whenSignedIn) need not check again for this request.
    gatecheck.signInCheckedFor = pm.info.requestId;
    if (signInRequestIds.indexOf(pm.info.requestId) !== -1) return then();
    var client = gatecheck.cognitoClient(pm);
    var wanted = tokensNeededBy(pm.request);
    var staleGrants = wanted.map(gatecheck.oauth.grantOf).filter(function (grant) {
      return grant && !gatecheck.oauth.fresh(pm, grant);
    });
    var needed = wanted.filter(function (name) {
      return !gatecheck.oauth.grantOf(name);
    });
    if (staleGrants.length > 0)
      return obtainOAuthTokens(pm, staleGrants, function () {
        signInIfNeeded(pm, client, needed, then);
      });
    return signInIfNeeded(pm, client, needed, then);
  };

  function signInIfNeeded(pm, client, needed, then) {
    if (
      needed.length === 0 ||
      needed.every(function (name) {
        return tokenFresh(client, name);
      })
    )
      return then();
    if (client.recentSignInFailure()) return then();
    if (!client.variable('clientId') || !client.variable('username')) {
      console.warn('gatecheck: cannot sign in on demand: set clientId and username');
      return then();
    }
    function finished(error) {
      if (!error) return then();
      if (error.awaitingCode) {
        console.warn('gatecheck: ' + error.message);
        pm.test('sign-in: ' + error.message, function () {
          throw new Error(error.message);
        });
        return then();
      }
      client.recordSignInFailure(error.message);
      console.warn('gatecheck: sign-in on demand failed: ' + error.message);
      return then();
    }
    // A code challenge waiting for this user: answer it when the code is pasted, else say so again.
    var pending = client.pendingChallenge();
    if (pending && client.needsCode(pending)) {
      if (client.awaitsPastedCode(pending)) {
        var waiting = new Error(client.pasteCodeMessage(pending));
        waiting.awaitingCode = true;
        return finished(waiting);
      }
      return answerChallenge(pm, client, pending, 1, finished);
    }
    return refreshOrSignIn(pm, client, finished);
  }

  // An item's pre-request script: `then` once the tokens the request sends are fresh. A runner that
  // runs the collection's pre-request script has just checked for this request; one that defines
  // the library once per run (gatecheck run) does not run it, so the item checks here.
  // Tokens of user pool N >= 2 (pool-sign-in.js) are signed in to the same way, after pool 1.
  gatecheck.whenSignedIn = function (pm, then) {
    if (gatecheck.signInCheckedFor === pm.info.requestId) {
      gatecheck.signInCheckedFor = null;
      return gatecheck.poolSignInOnDemand(pm, then);
    }
    return gatecheck.signInOnDemand(pm, [], function () {
      gatecheck.signInCheckedFor = null;
      gatecheck.poolSignInOnDemand(pm, then);
    });
  };
})();
