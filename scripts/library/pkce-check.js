// PKCE (Cognito): the user pool domain's /oauth2/token must refuse an authorization code whose
// S256 challenge the code_verifier does not match (RFC 7636 §4.6; docs/reference/
// aws-wire-behaviour.md §1.10). Four steps (plan-pkce-checks.ts): the run's user signs in on the
// login page (a form post, redirects not followed) for a code; that code with a wrong verifier
// must get 400 invalid_grant; a second code with the right verifier must get tokens, so the
// refusal cannot come from a bad code, client or URL. A code is good once (RFC 6749 §4.1.2).
// Skipped when the password or cognitoDomain is not set, or when the login page answers without
// a code. Passwords, codes, verifiers and tokens are never logged. Counters: see negative-check.js.
(function () {
  var CryptoJS = require('crypto-js');
  var RUN_VARS = gatecheck.constants.runVariables;
  var callback = 'https://oauth.pstmn.io/v1/callback';

  function verifier() {
    return gatecheck.base64url.fromWords(CryptoJS.lib.WordArray.random(32));
  }
  function challengeOf(codeVerifier) {
    return gatecheck.base64url.fromWords(CryptoJS.SHA256(codeVerifier));
  }
  function codeVariable(round) {
    return 'gatecheck.pkce.code.' + round;
  }
  function verifierVariable(round) {
    return 'gatecheck.pkce.verifier.' + round;
  }
  var rounds = {
    'login-refused': 'refused',
    'wrong-verifier': 'refused',
    'login-accepted': 'accepted',
    'right-verifier': 'accepted',
  };

  function form(pairs) {
    return {
      mode: 'urlencoded',
      urlencoded: Object.keys(pairs).map(function (key) {
        return { key: key, value: pairs[key] };
      }),
    };
  }

  gatecheck.pkce = {
    prerequest: function (pm, check) {
      var state = gatecheck.state;
      var read = function (name) {
        return state.read(pm, name);
      };
      var round = rounds[check.step];
      pm.collectionVariables.unset(state.variable('skip', check.id));
      if (!read('cognitoDomain'))
        return state.skip(pm, check, 'set cognitoDomain (GATECHECK_COGNITO_DOMAIN) to check PKCE');
      if (check.step === 'login-refused' || check.step === 'login-accepted') {
        pm.collectionVariables.unset(codeVariable(round));
        if (!read('username') || !read('password'))
          return state.skip(pm, check, 'set username and password to sign in on the login page');
        var codeVerifier = verifier();
        pm.collectionVariables.set(verifierVariable(round), codeVerifier);
        return pm.request.body.update(
          form({
            response_type: 'code',
            client_id: read('clientId'),
            redirect_uri: callback,
            scope: check.scopes.join(' '),
            code_challenge: challengeOf(codeVerifier),
            code_challenge_method: 'S256',
            username: read('username'),
            password: read('password'),
          }),
        );
      }
      var code = state.take(pm, codeVariable(round));
      var rightVerifier = state.take(pm, verifierVariable(round));
      if (!code) return state.skip(pm, check, 'the login page gave no authorization code');
      if (read('clientSecret'))
        pm.request.headers.upsert({
          key: 'Authorization',
          value:
            'Basic ' +
            CryptoJS.enc.Base64.stringify(
              CryptoJS.enc.Utf8.parse(read('clientId') + ':' + read('clientSecret')),
            ),
        });
      return pm.request.body.update(
        form({
          grant_type: 'authorization_code',
          client_id: read('clientId'),
          code: code,
          redirect_uri: callback,
          // A well-formed verifier (RFC 7636 §4.1) that is not the one the challenge was made of.
          code_verifier: check.step === 'wrong-verifier' ? verifier() : rightVerifier,
        }),
      );
    },

    test: function (pm, check) {
      var state = gatecheck.state;
      var counters = RUN_VARS;
      var skipped = state.take(pm, state.variable('skip', check.id));
      if (skipped) {
        pm.test.skip(check.name + ': skipped: ' + skipped);
        return state.count(pm, counters.skipped);
      }
      var response = pm.response;
      var round = rounds[check.step];
      if (check.step === 'login-refused' || check.step === 'login-accepted') {
        var location = String(response.headers.get('Location') || '');
        var match = /[?&]code=([^&#]+)/.exec(location);
        if (!match || location.indexOf(callback) !== 0) {
          // A page that is not this form (another managed login version): nothing to check.
          pm.test.skip(
            check.name +
              ': skipped: the login page answered HTTP ' +
              response.code +
              ' without a code',
          );
          return state.count(pm, counters.skipped);
        }
        state.count(pm, counters.ran);
        pm.collectionVariables.set(codeVariable(round), decodeURIComponent(match[1]));
        pm.test(check.name + ': the login page redirects with a code', function () {
          pm.expect(response.code).to.equal(302);
        });
        return undefined;
      }
      state.count(pm, counters.ran);
      var body = state.parseJson(response.text(), {});
      if (check.step === 'wrong-verifier') {
        pm.test(check.name + ': 400 {"error":"invalid_grant"}', function () {
          pm.expect(
            response.code,
            'the token endpoint gave ' +
              (body.access_token ? 'tokens' : 'an answer') +
              ' for a code_verifier that does not match the challenge',
          ).to.equal(400);
          pm.expect(body.error).to.equal('invalid_grant');
        });
        return undefined;
      }
      pm.test(check.name + ': 200 with an access token', function () {
        pm.expect(
          response.code,
          'the token endpoint answered ' + (body.error || response.code),
        ).to.equal(200);
        pm.expect(typeof body.access_token).to.equal('string');
      });
      // Kept for the refresh_token grant when the run supplied no refresh token.
      if (typeof body.refresh_token === 'string')
        pm.collectionVariables.set(counters.codeFlowRefreshToken, body.refresh_token);
      return undefined;
    },
  };
})();
