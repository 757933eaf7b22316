// Revocation (Cognito): API Gateway keeps accepting a revoked token until it expires
// (docs/reference/aws-wire-behaviour.md §2.1), so revocation is asserted against Cognito: a
// dedicated user signs in, GlobalSignOut ends every session, and GetUser with the old access token
// must answer 400 NotAuthorizedException "Access Token has been revoked" (§1.2). Each step's
// pre-request script builds its Cognito JSON API body; skipped unless revocationUsername is set
// (GlobalSignOut must hit a user nothing else signs in as). Passwords and tokens are never logged.
// Counters: see negative-check.js.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;
  // The revocation user's sign-in state, kept apart from the main user's.
  var SCOPED = [
    RUN_VARS.idToken,
    RUN_VARS.accessToken,
    RUN_VARS.refreshToken,
    RUN_VARS.tokenExpiresAt,
    RUN_VARS.tokenOwner,
    RUN_VARS.challengeOwner,
    RUN_VARS.cognitoUsername,
    RUN_VARS.session,
    RUN_VARS.challengeName,
    RUN_VARS.challengeParameters,
    RUN_VARS.availableChallenges,
    RUN_VARS.challengeSteps,
    RUN_VARS.srpSecret,
    RUN_VARS.signInFailed,
  ];

  // `pm` as the sign-in code (sign-in.js) sees it, with the revocation user in place of the main
  // user: the pool's app client and flow, SRP included (AWS's default clients allow nothing else).
  // Under USER_AUTH it asks for PASSWORD_SRP, never a one-time code.
  gatecheck.revocationView = function (pm) {
    return gatecheck.state.view(
      pm,
      function (variable) {
        if (variable === 'username') return 'revocationUsername';
        if (variable === 'password') return 'revocationPassword';
        return SCOPED.indexOf(variable) === -1
          ? variable
          : 'gatecheck.revocation.signIn.' + variable;
      },
      function (variable) {
        if (variable !== 'preferredChallenge') return undefined;
        return pm.variables.get('authFlow') === 'USER_AUTH' ? 'PASSWORD_SRP' : '';
      },
    );
  };
})();

gatecheck.revocation = {
  prerequest: function (pm, check) {
    var state = gatecheck.state;
    pm.collectionVariables.unset(state.variable('skip', check.id));
    pm.collectionVariables.unset(state.variable('unbuilt', check.id));

    function unbuilt(reason) {
      pm.collectionVariables.set(state.variable('unbuilt', check.id), reason);
    }

    var username = pm.variables.get('revocationUsername');
    if (!username)
      return state.skip(
        pm,
        check,
        'set revocationUsername (a dedicated user) to check token revocation',
      );

    var body;
    if (check.step === 'sign-in') {
      pm.collectionVariables.unset(check.tokenVariable);
      pm.collectionVariables.unset(check.signedOutVariable);
      var password = pm.variables.get('revocationPassword');
      if (!password) return unbuilt('revocationUsername is set but revocationPassword is empty');
      var clientId = pm.variables.get('clientId');
      var flow = pm.variables.get('authFlow') || 'USER_SRP_AUTH';
      if (flow !== 'USER_PASSWORD_AUTH')
        return gatecheck.revocation.signInFirst(pm, check, unbuilt);
      var parameters = { USERNAME: username, PASSWORD: password };
      var clientSecret = pm.variables.get('clientSecret');
      // SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + client id))
      // (docs/reference/aws-wire-behaviour.md §1.6).
      if (clientSecret) {
        var CryptoJS = require('crypto-js');
        parameters.SECRET_HASH = CryptoJS.enc.Base64.stringify(
          CryptoJS.HmacSHA256(username + clientId, clientSecret),
        );
      }
      body = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: parameters };
    } else {
      var token = pm.collectionVariables.get(check.tokenVariable);
      if (!token) return unbuilt('the revocation user did not sign in');
      if (
        check.step === 'get-user' &&
        pm.collectionVariables.get(check.signedOutVariable) !== 'yes'
      )
        return unbuilt('GlobalSignOut did not succeed');
      body = { AccessToken: token };
    }
    return pm.request.body.update({ mode: 'raw', raw: JSON.stringify(body) });
  },

  // Any flow but USER_PASSWORD_AUTH (SRP, USER_AUTH): the whole sign-in runs here, through the
  // library's sign-in (challenges answered), and the item's own request asks GetUser with the new
  // access token, which proves the sign-in as InitiateAuth's answer would.
  signInFirst: function (pm, check, unbuilt) {
    var view = gatecheck.revocationView(pm);
    var tokenVariable =
      'gatecheck.revocation.signIn.' + gatecheck.constants.runVariables.accessToken;
    pm.collectionVariables.unset(tokenVariable);
    pm.request.headers.upsert({
      key: 'X-Amz-Target',
      value: 'AWSCognitoIdentityProviderService.GetUser',
    });
    return gatecheck.signInWith(view, function (error) {
      var token = pm.collectionVariables.get(tokenVariable);
      if (error || !token) {
        pm.request.body.update({ mode: 'raw', raw: '{}' });
        return unbuilt(
          'the revocation user could not sign in' + (error ? ': ' + error.message : ''),
        );
      }
      pm.collectionVariables.unset(tokenVariable);
      pm.collectionVariables.set(check.tokenVariable, token);
      return pm.request.body.update({ mode: 'raw', raw: JSON.stringify({ AccessToken: token }) });
    });
  },

  test: function (pm, check) {
    var state = gatecheck.state;
    var counters = gatecheck.constants.runVariables;
    var skipped = state.take(pm, state.variable('skip', check.id));
    if (skipped) {
      pm.test.skip(check.label + ': skipped: ' + skipped);
      return state.count(pm, counters.skipped);
    }
    state.count(pm, counters.ran);
    var unbuilt = state.take(pm, state.variable('unbuilt', check.id));
    if (unbuilt) {
      state.count(pm, counters.inconclusive);
      pm.test(check.label + ': inconclusive: ' + unbuilt, function () {
        throw new Error('inconclusive: ' + unbuilt);
      });
      return undefined;
    }

    var response = pm.response;
    var body = {};
    try {
      body = response.json() || {};
    } catch {
      body = {};
    }
    // Cognito errors name their type and message; neither carries a secret
    // (docs/reference/aws-wire-behaviour.md §1.2).
    var cognitoError = body.__type ? ' (' + body.__type + ': ' + body.message + ')' : '';

    if (check.step === 'sign-in' && pm.collectionVariables.get(check.tokenVariable)) {
      // Signed in by the pre-request script (signInFirst): GetUser accepted the new token.
      pm.test(check.label + ': the revocation user signed in', function () {
        pm.expect(
          response.code,
          'GetUser with its access token: Cognito answered' + cognitoError,
        ).to.equal(200);
      });
    } else if (check.step === 'sign-in') {
      var result = body.AuthenticationResult || {};
      pm.test(check.label + ': the revocation user signed in', function () {
        pm.expect(response.code, 'Cognito answered' + cognitoError).to.equal(200);
        pm.expect(
          body.ChallengeName || null,
          'the revocation user must sign in without MFA',
        ).to.equal(null);
        pm.expect(typeof result.AccessToken, 'no access token in the answer').to.equal('string');
      });
      if (typeof result.AccessToken === 'string')
        pm.collectionVariables.set(check.tokenVariable, result.AccessToken);
    } else if (check.step === 'global-sign-out') {
      pm.test(check.label + ': GlobalSignOut succeeded', function () {
        pm.expect(response.code, 'Cognito answered' + cognitoError).to.equal(200);
      });
      if (response.code === 200) pm.collectionVariables.set(check.signedOutVariable, 'yes');
    } else {
      pm.collectionVariables.unset(check.tokenVariable);
      pm.collectionVariables.unset(check.signedOutVariable);
      pm.test(
        check.label +
          ': Cognito rejects the signed-out access token (400 NotAuthorizedException "Access Token has been revoked")',
        function () {
          pm.expect(response.code, 'Cognito answered' + cognitoError).to.equal(400);
          pm.expect(body.__type).to.equal('NotAuthorizedException');
          pm.expect(body.message).to.equal('Access Token has been revoked');
        },
      );
    }
    return undefined;
  },
};
