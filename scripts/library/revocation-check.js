// Revocation (Cognito): API Gateway keeps accepting a revoked token until it expires
// (docs/reference/aws-wire-behaviour.md §2.1), so revocation is asserted against Cognito: a
// dedicated user signs in, GlobalSignOut ends every session, and GetUser with the old access token
// must answer 400 NotAuthorizedException "Access Token has been revoked" (§1.2). Each step's
// pre-request script builds its Cognito JSON API body; skipped unless revocationUsername is set
// (GlobalSignOut must hit a user nothing else signs in as). Passwords and tokens are never logged.
// Counters: see negative-check.js.
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

    if (check.step === 'sign-in') {
      var result = body.AuthenticationResult || {};
      pm.test(check.label + ': the revocation user signed in', function () {
        pm.expect(response.code, 'Cognito answered' + cognitoError).to.equal(200);
        pm.expect(
          body.ChallengeName || null,
          'the revocation user must sign in with USER_PASSWORD_AUTH and no MFA',
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
