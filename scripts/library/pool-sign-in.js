// Several user pools (docs/reference/api-gateway-exports.md, "Several user pools"): pool N ≥ 2 of
// an API signs in with its own credentials and keeps its own tokens and sign-in state, in
// variables `gatecheck.pool.<N>.<name>` (the run fills them from GATECHECK_POOL<N>_*). The sign-in
// code of cognito-client.js, sign-in.js and sign-in-on-demand.js is shared unchanged: it is given a
// view of `pm` in which those names stand for the main user's. Tokens are never logged.
(function () {
  var RUN_VARS = gatecheck.constants.runVariables;
  // What a pool keeps apart from pool 1: its app client, user, flow, tokens and sign-in state.
  var SCOPED = [
    'userPoolId',
    'clientId',
    'clientSecret',
    'username',
    'password',
    'authFlow',
    'preferredChallenge',
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
  var NEEDED = /\{\{gatecheck\.pool\.(\d+)\.(idToken|accessToken)\}\}/g;

  function poolVariable(pool, name) {
    return 'gatecheck.pool.' + pool + '.' + name;
  }

  gatecheck.poolView = function (pm, pool) {
    return gatecheck.state.view(pm, function (variable) {
      return SCOPED.indexOf(variable) === -1 ? variable : poolVariable(pool, variable);
    });
  };

  function fresh(pm, pool, variable) {
    var token = pm.variables.get(poolVariable(pool, variable));
    if (!token) return false;
    var exp = Number(gatecheck.jwt.claims(token).exp) * 1000;
    return !exp || exp - Date.now() > 60000;
  }

  // Before a request: signs in to each pool whose token the request names and does not have fresh
  // (one sign-in per pool per run; a failed one is not retried, as for pool 1), then `done`.
  gatecheck.poolSignInOnDemand = function (pm, done) {
    var then = typeof done === 'function' ? done : function () {};
    var definition = JSON.stringify(pm.request.toJSON());
    var needed = {};
    var match;
    NEEDED.lastIndex = 0;
    while ((match = NEEDED.exec(definition)) !== null) {
      if (!fresh(pm, match[1], match[2])) needed[match[1]] = true;
    }
    var pools = Object.keys(needed);
    function next(index) {
      if (index >= pools.length) return then();
      var pool = pools[index];
      var view = gatecheck.poolView(pm, pool);
      var client = gatecheck.cognitoClient(view);
      if (client.recentSignInFailure()) return next(index + 1);
      if (!view.variables.get('clientId') || !view.variables.get('username')) {
        console.warn(
          'gatecheck: cannot sign in to user pool ' +
            pool +
            ': set GATECHECK_POOL' +
            pool +
            '_CLIENT_ID, _USERNAME and _PASSWORD',
        );
        return next(index + 1);
      }
      return gatecheck.signInWith(view, function (error) {
        if (error) {
          client.recordSignInFailure(error.message);
          console.warn('gatecheck: sign-in to user pool ' + pool + ' failed: ' + error.message);
        }
        next(index + 1);
      });
    }
    return next(0);
  };
})();
