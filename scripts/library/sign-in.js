// The Sign-in folder: InitiateAuth with the flow named by `authFlow` (USER_PASSWORD_AUTH, or
// USER_AUTH with `preferredChallenge`), RespondToAuthChallenge while Cognito asks for another
// challenge (bounded), and a REFRESH_TOKEN_AUTH proving the refresh path. Bodies are built by the
// pre-request scripts, so one request serves every flow. One-time codes come from `otpCode`, or
// from the sandbox outbox when `sandboxUrl` is set in a collection generated for the sandbox; they
// are never logged.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;

  function stopSignIn(pm, client, reason) {
    client.recordSignInFailure(reason);
    // Without tokens every check would fail for the same reason: stop the run here.
    pm.execution.setNextRequest(null);
  }

  // Keep Cognito's tokens (then go to `next.afterTokens`, when set) or the challenge to answer
  // (then go to `next.challenge`).
  function handleAnswer(pm, step, next) {
    var client = gatecheck.cognitoClient(pm);
    var maxSteps = client.maxChallengeSteps;
    var answer = gatecheck.state.parseJson(pm.response.text(), {});
    var problem = client.recentSignInFailure();
    pm.test('sign-in: Cognito ' + step + ' answers 200', function () {
      pm.expect(pm.response.code, problem || client.cognitoFailure(pm.response)).to.equal(200);
    });
    if (pm.response.code !== 200)
      return stopSignIn(pm, client, problem || client.cognitoFailure(pm.response));
    if (answer.AuthenticationResult) {
      pm.test('sign-in: Cognito ' + step + ' returns an ID token and an access token', function () {
        pm.expect(answer.AuthenticationResult.IdToken, 'IdToken').to.be.a('string');
        pm.expect(answer.AuthenticationResult.AccessToken, 'AccessToken').to.be.a('string');
      });
      client.storeTokens(answer.AuthenticationResult);
      if (next.afterTokens) pm.execution.setNextRequest(next.afterTokens);
      return undefined;
    }
    var steps = Number(client.variable(RUN_VARS.challengeSteps) || 0) + 1;
    pm.collectionVariables.set(RUN_VARS.challengeSteps, String(steps));
    pm.test('sign-in: Cognito ' + step + ' returns tokens or a challenge to answer', function () {
      pm.expect(answer.ChallengeName, 'ChallengeName').to.be.a('string');
      pm.expect(steps, 'challenge steps').to.be.at.most(maxSteps);
    });
    if (!answer.ChallengeName || steps > maxSteps) {
      return stopSignIn(pm, client, 'sign-in did not finish within ' + maxSteps + ' challenges');
    }
    client.storeChallenge(answer);
    var challenge = client.challengeFrom(answer);
    // Postman app, nobody to read the code for us: stop here with what to do. The session is kept,
    // so the next send (or the next Run collection) answers it with the pasted code; an answer
    // sent now without the code would only be refused.
    if (client.awaitsPastedCode(challenge)) return stopForCode(pm, client, challenge);
    pm.execution.setNextRequest(next.challenge);
    return undefined;
  }

  function stopForCode(pm, client, challenge) {
    var message = client.pasteCodeMessage(challenge);
    console.warn('gatecheck: ' + message);
    pm.test('sign-in: ' + message, function () {
      throw new Error(message);
    });
    pm.execution.setNextRequest(null);
    return undefined;
  }

  gatecheck.signIn = {
    initiateAuth: {
      prerequest: function (pm) {
        var client = gatecheck.cognitoClient(pm);
        // A code challenge of this user left open by an earlier send, and the code now pasted into
        // otpCode: answer that session (next request) instead of starting over, which would send a
        // new code and void the pasted one.
        var pending = client.pendingChallenge();
        if (pending && client.needsCode(pending) && client.variable('otpCode')) {
          pm.collectionVariables.set(RUN_VARS.signInFailed, '');
          return pm.execution.skipRequest();
        }
        // A sign-in starts here: forget any half-finished or failed one.
        pm.collectionVariables.set(RUN_VARS.challengeSteps, '0');
        pm.collectionVariables.set(RUN_VARS.signInFailed, '');
        client.clearChallenge();
        pm.request.body.update({ mode: 'raw', raw: JSON.stringify(client.initiateAuthBody()) });
      },
      test: function (pm, next) {
        handleAnswer(pm, 'InitiateAuth', next);
      },
    },

    respondToChallenge: {
      prerequest: function (pm) {
        var client = gatecheck.cognitoClient(pm);
        var challenge = client.pendingChallenge();
        // Nothing to answer: Cognito already returned tokens, or the request was sent on its own.
        if (!challenge) return pm.execution.skipRequest();
        // Sent on its own while the code is still to be pasted: say so rather than send an answer
        // without it.
        if (client.awaitsPastedCode(challenge)) {
          stopForCode(pm, client, challenge);
          return pm.execution.skipRequest();
        }
        return client.prepareChallengeAnswer(challenge, function (error, body) {
          // The test script reports it next to Cognito's answer to the empty body.
          if (error) return client.recordSignInFailure(error.message);
          return pm.request.body.update({ mode: 'raw', raw: JSON.stringify(body) });
        });
      },
      test: function (pm, next) {
        handleAnswer(pm, 'RespondToAuthChallenge', next);
      },
    },

    // REFRESH_TOKEN_AUTH with the refresh token just captured: proves the refresh path (used by the
    // sign-in on demand) works, SECRET_HASH included.
    refresh: {
      prerequest: function (pm) {
        var client = gatecheck.cognitoClient(pm);
        if (!client.variable(RUN_VARS.refreshToken)) return pm.execution.skipRequest();
        return pm.request.body.update({ mode: 'raw', raw: JSON.stringify(client.refreshBody()) });
      },
      // A refresh returns new ID and access tokens; the refresh token stays (no rotation by default).
      test: function (pm) {
        var client = gatecheck.cognitoClient(pm);
        var answer = gatecheck.state.parseJson(pm.response.text(), {});
        pm.test('sign-in: Cognito REFRESH_TOKEN_AUTH answers 200', function () {
          pm.expect(pm.response.code, client.cognitoFailure(pm.response)).to.equal(200);
        });
        pm.test('sign-in: REFRESH_TOKEN_AUTH returns an ID token and an access token', function () {
          pm.expect(answer.AuthenticationResult, 'AuthenticationResult').to.be.an('object');
          pm.expect(answer.AuthenticationResult.IdToken, 'IdToken').to.be.a('string');
          pm.expect(answer.AuthenticationResult.AccessToken, 'AccessToken').to.be.a('string');
        });
        if (answer.AuthenticationResult) client.storeTokens(answer.AuthenticationResult);
      },
    },
  };
})();
