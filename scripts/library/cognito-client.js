// Cognito's JSON API, called directly (docs/reference/aws-wire-behaviour.md §1.1): POST to the
// endpoint with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>` and `Content-Type:
// application/x-amz-json-1.1`. Nothing here logs a password, code or token.
// `gatecheck.cognitoClient(pm)` gives the calling script's client (see run-state.js for why `pm` is
// passed).
gatecheck.cognitoClient = function (pm) {
  var CryptoJS = require('crypto-js');
  var RUN_VARS = gatecheck.constants.runVariables;
  var SANDBOX_PATHS = gatecheck.constants.sandboxPaths;
  var MAX_CHALLENGE_STEPS = 5;
  // One-time code challenges and the ChallengeResponses key carrying the code
  // (docs/reference/aws-wire-behaviour.md §1.5).
  var CODE_RESPONSE_KEYS = {
    EMAIL_OTP: 'EMAIL_OTP_CODE',
    SMS_OTP: 'SMS_OTP_CODE',
    SMS_MFA: 'SMS_MFA_CODE',
    SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  };
  var parseJson = gatecheck.state.parseJson;

  function gcVar(name) {
    return gatecheck.state.read(pm, name);
  }

  // SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + client id)), sent
  // only when the app client has a secret (docs/reference/aws-wire-behaviour.md §1.6).
  function withSecretHash(parameters, username) {
    var secret = gcVar('clientSecret');
    if (secret) {
      parameters.SECRET_HASH = CryptoJS.enc.Base64.stringify(
        CryptoJS.HmacSHA256(username + gcVar('clientId'), secret),
      );
    }
    return parameters;
  }

  // SRP starts with a fresh secret a, kept in a run variable until PASSWORD_VERIFIER is answered;
  // SRP_A = g^a goes to Cognito (docs/reference/aws-wire-behaviour.md §1.11).
  function startSrp() {
    var secret = gatecheck.srp.newSecret();
    pm.collectionVariables.set(RUN_VARS.srpSecret, secret);
    return gatecheck.srp.publicValue(secret);
  }

  // PASSWORD_VERIFIER: prove the password with the salt, SRP_B and SECRET_BLOCK Cognito sent.
  function passwordClaim(challenge, responses) {
    var parameters = challenge.parameters;
    var secret = gcVar(RUN_VARS.srpSecret);
    var poolId = gcVar('userPoolId');
    if (!secret) throw new Error('PASSWORD_VERIFIER without an SRP sign-in started in this run');
    if (!poolId) throw new Error('SRP needs userPoolId (the pool name is part of the proof)');
    var userId = parameters.USER_ID_FOR_SRP || responses.USERNAME;
    var timestamp = gatecheck.srp.timestamp(new Date());
    responses.USERNAME = userId;
    responses.PASSWORD_CLAIM_SECRET_BLOCK = parameters.SECRET_BLOCK;
    responses.TIMESTAMP = timestamp;
    responses.PASSWORD_CLAIM_SIGNATURE = gatecheck.srp.signature({
      poolName: gatecheck.srp.poolName(poolId),
      userId: userId,
      password: gcVar('password'),
      secret: secret,
      salt: parameters.SALT,
      srpB: parameters.SRP_B,
      secretBlock: parameters.SECRET_BLOCK,
      timestamp: timestamp,
    });
    pm.collectionVariables.set(RUN_VARS.srpSecret, '');
  }

  function initiateAuthBody() {
    var flow = gcVar('authFlow') || 'USER_SRP_AUTH';
    var username = gcVar('username');
    var parameters = { USERNAME: username };
    if (flow === 'USER_SRP_AUTH') {
      parameters.SRP_A = startSrp();
    } else if (flow === 'USER_PASSWORD_AUTH') {
      parameters.PASSWORD = gcVar('password');
    } else if (flow === 'USER_AUTH') {
      // Choice-based sign-in (docs/reference/aws-wire-behaviour.md §5): without PREFERRED_CHALLENGE
      // Cognito answers SELECT_CHALLENGE; PASSWORD as preference is sent with the password itself,
      // PASSWORD_SRP with SRP_A.
      var preferred = gcVar('preferredChallenge');
      if (preferred) parameters.PREFERRED_CHALLENGE = preferred;
      if (preferred === 'PASSWORD') parameters.PASSWORD = gcVar('password');
      if (preferred === 'PASSWORD_SRP') parameters.SRP_A = startSrp();
    }
    // Any other value goes to Cognito as it is: its InvalidParameterException names the problem
    // (an unknown flow fails its enum check), and the run summary says what to set.
    return {
      AuthFlow: flow,
      ClientId: gcVar('clientId'),
      AuthParameters: withSecretHash(parameters, username),
    };
  }

  function refreshBody() {
    // The SECRET_HASH of a refresh uses the internal user name (`cognito:username`), not the alias
    // typed at sign-in (docs/reference/aws-wire-behaviour.md §1.6; the exact rule is UNCONFIRMED,
    // this is the documented reading).
    var username = gcVar(RUN_VARS.cognitoUsername) || gcVar('username');
    return {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: gcVar('clientId'),
      AuthParameters: withSecretHash({ REFRESH_TOKEN: gcVar(RUN_VARS.refreshToken) }, username),
    };
  }

  function challengeFrom(answer) {
    return {
      name: answer.ChallengeName,
      session: answer.Session || '',
      parameters: answer.ChallengeParameters || {},
      available: answer.AvailableChallenges || [],
    };
  }

  // Whose sign-in this is: tokens and challenges are kept for one pool, client and user only.
  function owner() {
    return [gcVar('userPoolId'), gcVar('clientId'), gcVar('username')].join('|');
  }

  function storeChallenge(answer) {
    pm.collectionVariables.set(RUN_VARS.challengeOwner, owner());
    pm.collectionVariables.set(RUN_VARS.challengeName, answer.ChallengeName);
    pm.collectionVariables.set(RUN_VARS.session, answer.Session || '');
    pm.collectionVariables.set(
      RUN_VARS.challengeParameters,
      JSON.stringify(answer.ChallengeParameters || {}),
    );
    pm.collectionVariables.set(
      RUN_VARS.availableChallenges,
      JSON.stringify(answer.AvailableChallenges || []),
    );
  }

  function pendingChallenge() {
    var name = gcVar(RUN_VARS.challengeName);
    if (!name || gcVar(RUN_VARS.challengeOwner) !== owner()) return null;
    return challengeFrom({
      ChallengeName: name,
      Session: gcVar(RUN_VARS.session),
      ChallengeParameters: parseJson(gcVar(RUN_VARS.challengeParameters), {}),
      AvailableChallenges: parseJson(gcVar(RUN_VARS.availableChallenges), []),
    });
  }

  function clearChallenge() {
    [
      RUN_VARS.challengeName,
      RUN_VARS.session,
      RUN_VARS.challengeParameters,
      RUN_VARS.availableChallenges,
      RUN_VARS.srpSecret,
      RUN_VARS.challengeOwner,
    ].forEach(function (name) {
      pm.collectionVariables.set(name, '');
    });
  }

  function storeTokens(result) {
    // A refresh token of another pool, client or user must not be kept beside the new tokens.
    if (!tokensOwned()) pm.collectionVariables.set(RUN_VARS.refreshToken, '');
    pm.collectionVariables.set(RUN_VARS.tokenOwner, owner());
    pm.collectionVariables.set(RUN_VARS.idToken, result.IdToken || '');
    pm.collectionVariables.set(RUN_VARS.accessToken, result.AccessToken || '');
    // A refresh answers without a new refresh token unless rotation is on
    // (docs/reference/aws-wire-behaviour.md §1.3).
    if (result.RefreshToken) pm.collectionVariables.set(RUN_VARS.refreshToken, result.RefreshToken);
    pm.collectionVariables.set(
      RUN_VARS.tokenExpiresAt,
      String(Date.now() + Number(result.ExpiresIn || 0) * 1000),
    );
    var username = gatecheck.jwt.claims(result.IdToken)['cognito:username'];
    if (username) pm.collectionVariables.set(RUN_VARS.cognitoUsername, String(username));
    clearChallenge();
  }

  // SELECT_CHALLENGE: the preferred factor when offered, else the password when one is set, else a
  // one-time code (docs/reference/aws-wire-behaviour.md §1.5, §5).
  function chooseFirstFactor(available) {
    var preferred = gcVar('preferredChallenge');
    var order = (preferred ? [preferred] : [])
      .concat(gcVar('password') ? ['PASSWORD', 'PASSWORD_SRP'] : [])
      .concat(['EMAIL_OTP', 'SMS_OTP']);
    for (var i = 0; i < order.length; i += 1) {
      if (available.indexOf(order[i]) !== -1) return order[i];
    }
    return '';
  }

  function needsCode(challenge) {
    return Object.prototype.hasOwnProperty.call(CODE_RESPONSE_KEYS, challenge.name);
  }

  function challengeBody(challenge, code) {
    var username = challenge.parameters.USERNAME || gcVar('username');
    var responses = { USERNAME: username };
    if (challenge.name === 'PASSWORD') {
      responses.PASSWORD = gcVar('password');
    } else if (challenge.name === 'SELECT_CHALLENGE') {
      var answer = chooseFirstFactor(challenge.available);
      if (!answer) {
        throw new Error(
          'none of the offered first factors (' +
            challenge.available.join(', ') +
            ') can be answered',
        );
      }
      responses.ANSWER = answer;
      // PASSWORD may be answered at once; EMAIL_OTP/SMS_OTP make Cognito send a code first.
      if (answer === 'PASSWORD') responses.PASSWORD = gcVar('password');
      if (answer === 'PASSWORD_SRP') responses.SRP_A = startSrp();
    } else if (challenge.name === 'PASSWORD_VERIFIER') {
      passwordClaim(challenge, responses);
    } else if (challenge.name === 'NEW_PASSWORD_REQUIRED') {
      if (!gcVar('newPassword'))
        throw new Error('Cognito asks for a new password: set newPassword');
      responses.NEW_PASSWORD = gcVar('newPassword');
      // Attributes the pool requires but the user lacks: from a variable `userAttributes.<name>`,
      // else the user's current value (docs/reference/aws-wire-behaviour.md §1.5).
      var required = parseJson(challenge.parameters.requiredAttributes || '[]', []);
      var current = parseJson(challenge.parameters.userAttributes || '{}', {});
      required.forEach(function (attribute) {
        var name = String(attribute).replace(/^userAttributes\./, '');
        responses['userAttributes.' + name] =
          gcVar('userAttributes.' + name) || String(current[name] || '');
      });
    } else if (needsCode(challenge)) {
      responses[CODE_RESPONSE_KEYS[challenge.name]] = code;
    } else {
      throw new Error('Cognito challenge ' + challenge.name + ' is not supported by gatecheck');
    }
    return {
      ChallengeName: challenge.name,
      ClientId: gcVar('clientId'),
      Session: challenge.session,
      ChallengeResponses: withSecretHash(responses, responses.USERNAME),
    };
  }

  // Tokens captured for this pool, client and user (not those of another environment). Tokens a
  // runner hands over in memory (`run --tokens-from-sdk`) carry no owner and are used as given.
  function tokensOwned() {
    var tokenOwner = gcVar(RUN_VARS.tokenOwner);
    return !tokenOwner || tokenOwner === owner();
  }

  // A code challenge with nobody to read the code for us: the person must paste it.
  function awaitsPastedCode(challenge) {
    return needsCode(challenge) && !gcVar('otpCode') && !gatecheck.state.sandboxUrl(pm);
  }

  function pasteCodeMessage(challenge) {
    var where =
      challenge.name === 'EMAIL_OTP'
        ? 'your email'
        : challenge.name === 'SOFTWARE_TOKEN_MFA'
          ? 'your authenticator app'
          : 'your text message';
    // sandboxUrl set on a collection for AWS: say why the sandbox's outbox is not read.
    var forAws =
      gcVar('sandboxUrl') && !gatecheck.state.sandboxUrl(pm)
        ? ' (this collection is for AWS: generate it with --for-sandbox to read codes from the sandbox)'
        : '';
    return (
      'Cognito sent a one-time code (' +
      challenge.name +
      '): paste the code from ' +
      where +
      ' into otpCode and send again' +
      forAws
    );
  }

  // The one-time code: `otpCode` when set, else (sandbox only) the code the sandbox "sent".
  function readOneTimeCode(challenge, callback) {
    var code = gcVar('otpCode');
    if (code) return callback(null, code);
    var sandboxUrl = gatecheck.state.sandboxUrl(pm);
    if (!sandboxUrl) return callback(new Error(pasteCodeMessage(challenge)));
    var path = challenge.name === 'SOFTWARE_TOKEN_MFA' ? SANDBOX_PATHS.totp : SANDBOX_PATHS.outbox;
    var username = challenge.parameters.USERNAME || gcVar('username');
    return pm.sendRequest(
      {
        url: sandboxUrl + path + '?username=' + encodeURIComponent(username),
        method: 'GET',
        // The sandbox answers its own paths only with its secret (sandbox/types.ts).
        header: [
          { key: gatecheck.constants.sandboxSecretHeader, value: gcVar('sandboxSecret') || '' },
        ],
      },
      function (error, response) {
        if (error) return callback(error);
        var body = parseJson(response.text(), {});
        if (response.code === 403) {
          return callback(
            new Error(
              'the sandbox refused to hand out the one-time code (403): set GATECHECK_SANDBOX_SECRET ' +
                '(sandboxSecret) to the secret the sandbox was started with',
            ),
          );
        }
        if (response.code !== 200 || !body.code) {
          return callback(
            new Error('the sandbox has no one-time code for this user (' + response.code + ')'),
          );
        }
        return callback(null, String(body.code));
      },
    );
  }

  function prepareChallengeAnswer(challenge, callback) {
    function build(code) {
      var body;
      try {
        body = challengeBody(challenge, code);
      } catch (error) {
        return callback(error);
      }
      return callback(null, body);
    }
    if (!needsCode(challenge)) return build('');
    return readOneTimeCode(challenge, function (error, code) {
      return error ? callback(error) : build(code);
    });
  }

  function cognitoRequest(operation, body) {
    return {
      url: pm.variables.replaceIn(gcVar('cognitoEndpoint')),
      method: 'POST',
      header: [
        { key: 'X-Amz-Target', value: 'AWSCognitoIdentityProviderService.' + operation },
        { key: 'Content-Type', value: 'application/x-amz-json-1.1' },
      ],
      body: { mode: 'raw', raw: JSON.stringify(body) },
    };
  }

  // Cognito errors are `{"__type": ..., "message": ...}` (docs/reference/aws-wire-behaviour.md
  // §1.2): name both.
  function cognitoFailure(response) {
    var body = parseJson(response.text(), {});
    return (
      'Cognito answered ' +
      response.code +
      ' ' +
      (body.__type || '(no __type)') +
      ': ' +
      (body.message || '(no message)')
    );
  }

  // A failed sign-in is remembered for a minute so no script retries it at once: Cognito locks a
  // user out after repeated failed attempts (docs/reference/check-catalogue.md §4.3).
  function recordSignInFailure(reason) {
    pm.collectionVariables.set(
      RUN_VARS.signInFailed,
      JSON.stringify({ at: Date.now(), reason: reason }),
    );
  }

  function recentSignInFailure() {
    var failure = parseJson(gcVar(RUN_VARS.signInFailed), null);
    return failure && Date.now() - Number(failure.at) < 60000 ? String(failure.reason) : '';
  }

  return {
    maxChallengeSteps: MAX_CHALLENGE_STEPS,
    variable: gcVar,
    initiateAuthBody: initiateAuthBody,
    refreshBody: refreshBody,
    challengeFrom: challengeFrom,
    storeChallenge: storeChallenge,
    pendingChallenge: pendingChallenge,
    clearChallenge: clearChallenge,
    storeTokens: storeTokens,
    tokensOwned: tokensOwned,
    needsCode: needsCode,
    awaitsPastedCode: awaitsPastedCode,
    pasteCodeMessage: pasteCodeMessage,
    prepareChallengeAnswer: prepareChallengeAnswer,
    cognitoRequest: cognitoRequest,
    cognitoFailure: cognitoFailure,
    recordSignInFailure: recordSignInFailure,
    recentSignInFailure: recentSignInFailure,
  };
};
