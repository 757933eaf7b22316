// Run state kept in collection variables (names in gatecheck.constants.runVariables, one spelling
// in generators/contract/run-variables.ts), and small helpers every check uses.
//
// Every library function takes the calling script's `pm`. postman-sandbox gives each script its
// own `pm` (request, response, test reporting, pm.sendRequest bookkeeping); a function defined by
// the collection pre-request script and using a free `pm` would keep seeing THAT script's `pm`
// (no response, eventName "prerequest") when an item's test script calls it later.
gatecheck.state = {
  // A variable from any scope (runner, environment, collection), '' when unset.
  read: function (pm, name) {
    var value = pm.variables.get(name);
    return value === undefined || value === null ? '' : String(value);
  },

  // The gatecheck sandbox's URL (no trailing slash), or '' unless the collection was generated for
  // the sandbox (`generate --for-sandbox`: only then are its private paths in the constants). A
  // collection for AWS never asks any host for one-time codes or test tokens, whatever sandboxUrl says.
  sandboxUrl: function (pm) {
    if (!gatecheck.constants.sandboxPaths) return '';
    return gatecheck.state.read(pm, 'sandboxUrl').replace(/\/+$/, '');
  },

  // `pm` as the sign-in code (cognito-client.js, sign-in.js) sees it, for another user than the
  // run's main one (a persona, user pool N >= 2, the revocation user): every variable is read and
  // written under `name(variable)`, and `read(variable)`, when given and not undefined, answers
  // first. The sign-in code is then shared unchanged.
  view: function (pm, name, read) {
    return {
      variables: {
        get: function (variable) {
          var value = read ? read(variable) : undefined;
          return value !== undefined ? value : pm.variables.get(name(variable));
        },
        replaceIn: function (text) {
          return pm.variables.replaceIn(text);
        },
      },
      collectionVariables: {
        get: function (variable) {
          return pm.collectionVariables.get(name(variable));
        },
        set: function (variable, value) {
          pm.collectionVariables.set(name(variable), value);
        },
        unset: function (variable) {
          pm.collectionVariables.unset(name(variable));
        },
      },
      sendRequest: function (request, callback) {
        return pm.sendRequest(request, callback);
      },
    };
  },

  // +1 on a run counter (gatecheck.ran, gatecheck.skipped, gatecheck.inconclusive).
  count: function (pm, name) {
    pm.collectionVariables.set(name, String(Number(pm.collectionVariables.get(name) || 0) + 1));
  },

  // A check's state variable: `verdict` (a control's, read by its negative), `skip`, `unbuilt`,
  // named with the prefixes of gatecheck.constants.stateVariablePrefixes and the check's id.
  variable: function (kind, id) {
    return gatecheck.constants.stateVariablePrefixes[kind] + id;
  },

  // Reads a per-check state variable once: it is unset at once, so no later run can reuse it.
  take: function (pm, name) {
    var value = pm.collectionVariables.get(name);
    pm.collectionVariables.unset(name);
    return value;
  },

  parseJson: function (text, fallback) {
    try {
      var value = JSON.parse(text);
      return value === null || value === undefined ? fallback : value;
    } catch {
      return fallback;
    }
  },

  // Reports a check as skipped and does not send its request. Older Postman runtimes cannot skip a
  // request: then it goes out (without a token) and the test script reports the skip it finds in
  // its skip variable.
  skip: function (pm, check, reason) {
    if (pm.execution && typeof pm.execution.skipRequest === 'function') {
      pm.test.skip(check.label + ': skipped: ' + reason);
      gatecheck.state.count(pm, gatecheck.constants.runVariables.skipped);
      pm.execution.skipRequest();
    } else {
      pm.collectionVariables.set(gatecheck.state.variable('skip', check.id), reason);
    }
  },

  // How API Gateway's own answers look for the check's gateway kind (`check.gateway`: rest, http,
  // unknown): its request id headers and, for HTTP APIs, its own rejection bodies.
  answers: function (check) {
    return gatecheck.constants.gatewayAnswers[check.gateway];
  },

  // The run's API key in the check's header, when the method requires one.
  sendApiKey: function (pm, check) {
    if (check.apiKey)
      pm.request.headers.upsert({
        key: check.apiKey.header,
        value: pm.variables.get('apiKey') || '',
      });
  },

  // Asserts that the request got an answer at all (not a network error); returns whether it did.
  assertAnswered: function (pm, check) {
    var answered = typeof pm.response.code === 'number';
    pm.test(check.label + ': API Gateway answered (no network error)', function () {
      pm.expect(answered, 'the request got no answer').to.equal(true);
    });
    return answered;
  },

  // The token header's value: API Gateway accepts `Bearer <token>` and the raw token in
  // `Authorization`; other identity-source headers carry the raw token
  // (docs/reference/aws-wire-behaviour.md §2.1).
  tokenHeaderValue: function (tokenHeader, token) {
    return tokenHeader.toLowerCase() === 'authorization' ? 'Bearer ' + token : token;
  },

  // API Gateway answers carry its request id: REST APIs `x-amzn-RequestId`, HTTP APIs
  // `apigw-requestid` (docs/reference/aws-wire-behaviour.md §2.1, §3). Anything else answered (a
  // proxy, a mock, a WAF page).
  requestIdPresent: function (response, headers) {
    return headers.some(function (header) {
      return response.headers.has(header);
    });
  },

  // `x-amzn-ErrorType` may carry `:<detail>` after the type (docs/reference/aws-wire-behaviour.md
  // §1.2).
  errorType: function (response) {
    return String(response.headers.get('x-amzn-ErrorType') || '').split(':')[0];
  },

  // A request aimed at a sentinel target got past the gateway: no x-amzn-ErrorType (REST gateway
  // responses carry one), not 401, no gateway 5xx, and for HTTP APIs not one of the gateway's own
  // bodies (they carry no error type).
  reachedIntegration: function (response, gatewayBodies) {
    var text = response.text();
    var gatewayBody = gatewayBodies.some(function (body) {
      return body.status === response.code && body.text === text;
    });
    return (
      !gatecheck.state.errorType(response) &&
      response.code !== 401 &&
      response.code < 500 &&
      !gatewayBody
    );
  },
};
