// Tokens of the user pool's OAuth 2.0 endpoints (docs/tokens-and-scopes.md), for methods whose
// scopes API sign-ins never carry (docs/reference/aws-wire-behaviour.md §1.10):
//   client-credentials  POST {{cognitoDomain}}/oauth2/token grant_type=client_credentials, HTTP
//                       Basic machineClientId:machineClientSecret, scope = the spec's machine scopes
//   oauth-user          POST {{cognitoDomain}}/oauth2/token grant_type=refresh_token with the
//                       refresh token of a code flow (+ PKCE) the user ran once (oauthRefreshToken)
// The token endpoint takes a form-encoded body and answers `{"error": name}` on failure (§1.10).
// Tokens and secrets are never logged.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;
  var CryptoJS = require('crypto-js');

  var grants = {
    'client-credentials': {
      variable: RUN_VARS.machineAccessToken,
      scopesVariable: RUN_VARS.machineScopes,
      missing: function (read) {
        if (!read('machineClientId') || !read('machineClientSecret'))
          return 'set machineClientId and machineClientSecret (GATECHECK_MACHINE_CLIENT_ID, GATECHECK_MACHINE_CLIENT_SECRET) to a client allowed client_credentials';
        return '';
      },
      form: function (read) {
        var form = [{ key: 'grant_type', value: 'client_credentials' }];
        if (read(RUN_VARS.machineScopes))
          form.push({ key: 'scope', value: read(RUN_VARS.machineScopes) });
        return form;
      },
      credentials: function (read) {
        return [read('machineClientId'), read('machineClientSecret')];
      },
    },
    'oauth-user': {
      variable: RUN_VARS.oauthAccessToken,
      missing: function (read) {
        if (!refreshToken(read))
          return "set oauthRefreshToken (GATECHECK_REFRESH_TOKEN) to the refresh token of a code flow sign-in, or get a token with the folder's OAuth 2.0 authorization in the Postman app";
        if (!read('clientId')) return 'set clientId';
        return '';
      },
      // The original grant's scopes come back; none are sent (token-endpoint.md).
      form: function (read) {
        var form = [
          { key: 'grant_type', value: 'refresh_token' },
          { key: 'client_id', value: read('clientId') },
          { key: 'refresh_token', value: refreshToken(read) },
        ];
        return form;
      },
      // A client with a secret authenticates; without one, client_id in the body is enough.
      credentials: function (read) {
        return read('clientSecret') ? [read('clientId'), read('clientSecret')] : null;
      },
    },
  };

  // The refresh token the run supplies, else the one the PKCE check's code flow got.
  function refreshToken(read) {
    return read('oauthRefreshToken') || read(RUN_VARS.codeFlowRefreshToken);
  }

  function reader(pm) {
    return function (name) {
      return gatecheck.state.read(pm, name);
    };
  }

  function basic(credentials) {
    return (
      'Basic ' +
      CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(credentials[0] + ':' + credentials[1]))
    );
  }

  function tokenUrl(read) {
    return read('cognitoDomain').replace(/\/+$/, '') + '/oauth2/token';
  }

  function failureOf(response) {
    var answer = gatecheck.state.parseJson(response.text(), {});
    return (
      'the token endpoint answered HTTP ' +
      response.code +
      (answer && answer.error ? ' ' + answer.error : '')
    );
  }

  gatecheck.oauth = {
    grants: grants,

    // The collection variable that holds the token of this grant.
    variable: function (grant) {
      return grants[grant].variable;
    },

    // The grant whose token this variable holds, or null.
    grantOf: function (variable) {
      for (var name in grants) if (grants[name].variable === variable) return name;
      return null;
    },

    // Why this grant's token cannot be asked for ('' when it can).
    missing: function (pm, grant) {
      var read = reader(pm);
      if (!read('cognitoDomain'))
        return 'set cognitoDomain (GATECHECK_COGNITO_DOMAIN) to the user pool domain, e.g. https://<prefix>.auth.<region>.amazoncognito.com';
      return grants[grant].missing(read);
    },

    // A token is fresh while more than 5 minutes (or a quarter of its lifetime) remain.
    fresh: function (pm, grant) {
      var token = gatecheck.state.read(pm, grants[grant].variable);
      if (!token) return false;
      var claims = gatecheck.jwt.claims(token);
      if (!claims.exp) return false;
      var lifetime = claims.iat ? (Number(claims.exp) - Number(claims.iat)) * 1000 : 3600000;
      return Number(claims.exp) * 1000 - Date.now() > Math.min(5 * 60 * 1000, lifetime / 4);
    },

    // The token request as pm.sendRequest takes it.
    request: function (pm, grant) {
      var read = reader(pm);
      var header = [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }];
      var credentials = grants[grant].credentials(read);
      if (credentials) header.push({ key: 'Authorization', value: basic(credentials) });
      return {
        url: tokenUrl(read),
        method: 'POST',
        header: header,
        body: { mode: 'urlencoded', urlencoded: grants[grant].form(read) },
      };
    },

    // Keeps the access token of a 200 answer; returns why not otherwise ('' when kept).
    store: function (pm, grant, response) {
      var answer = response.code === 200 ? gatecheck.state.parseJson(response.text(), {}) : {};
      if (!answer.access_token) return failureOf(response);
      pm.collectionVariables.set(grants[grant].variable, answer.access_token);
      return '';
    },

    // Asks the token endpoint for this grant's token (at most once a minute after a failure).
    obtain: function (pm, grant, done) {
      var failedVariable = RUN_VARS.oauthFailed + grant;
      var failure = gatecheck.state.parseJson(pm.collectionVariables.get(failedVariable), null);
      if (failure && Date.now() - Number(failure.at) < 60000)
        return done(new Error(failure.reason));
      var missing = gatecheck.oauth.missing(pm, grant);
      function failed(reason) {
        pm.collectionVariables.set(
          failedVariable,
          JSON.stringify({ at: Date.now(), reason: reason }),
        );
        return done(new Error(reason));
      }
      if (missing) return failed(missing);
      return pm.sendRequest(gatecheck.oauth.request(pm, grant), function (error, response) {
        if (error) return failed('the token endpoint did not answer');
        var problem = gatecheck.oauth.store(pm, grant, response);
        if (problem) return failed(problem);
        pm.collectionVariables.unset(failedVariable);
        return done(null);
      });
    },

    // The OAuth 2.0 folder's token requests: skipped when nothing is configured to ask with.
    prerequest: function (pm, grant) {
      var missing = gatecheck.oauth.missing(pm, grant);
      if (missing) {
        console.warn('gatecheck: OAuth 2.0 ' + grant + ' token not requested: ' + missing);
        return pm.execution.skipRequest();
      }
      var request = gatecheck.oauth.request(pm, grant);
      pm.request.headers.upsert({
        key: 'Content-Type',
        value: 'application/x-www-form-urlencoded',
      });
      if (grant === 'oauth-user') {
        var auth = request.header.filter(function (h) {
          return h.key === 'Authorization';
        })[0];
        if (auth) pm.request.headers.upsert(auth);
        pm.request.body.update(request.body);
      }
      return undefined;
    },

    test: function (pm, grant) {
      var problem = gatecheck.oauth.store(pm, grant, pm.response);
      pm.test('OAuth 2.0: /oauth2/token (' + grant + ') returns an access token', function () {
        pm.expect(problem, problem).to.equal('');
      });
    },

    // The `scope` claim of the token a request sent in its token header, for failure messages.
    sentScopes: function (pm, tokenHeader) {
      var value = String(pm.request.headers.get(tokenHeader) || '').replace(/^Bearer\s+/i, '');
      if (!value) return null;
      var claims = gatecheck.jwt.claims(value);
      if (claims.token_use === 'id') return 'none (an ID token)';
      return claims.scope ? String(claims.scope) : 'none';
    },
  };
})();
