// Forged tokens (docs/reference/check-catalogue.md §1.3 N3–N8), built in a negative check's
// pre-request script from the token captured at sign-in. None of them can verify against the pool's
// key; each probes one way a careless verifier could accept it. Tokens are never logged.
(function () {
  // The pool's public key as a PEM (SubjectPublicKeyInfo), built from the JWK's `n` and `e`: the
  // text a verifier holding the key as PEM would wrongly use as an HMAC secret (CVE-2016-10555).
  function derLength(length) {
    if (length < 128) return (length < 16 ? '0' : '') + length.toString(16);
    var hex = length.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    return (128 + hex.length / 2).toString(16) + hex;
  }
  function der(tag, hex) {
    return tag + derLength(hex.length / 2) + hex;
  }
  function derInteger(base64url) {
    var CryptoJS = require('crypto-js');
    var hex = CryptoJS.enc.Hex.stringify(gatecheck.base64url.toWords(base64url)).replace(
      /^(00)+/,
      '',
    );
    if (parseInt(hex.charAt(0), 16) >= 8) hex = '00' + hex;
    return der('02', hex);
  }
  function pemFromJwk(jwk) {
    var CryptoJS = require('crypto-js');
    var rsaEncryption = '300d06092a864886f70d0101010500';
    var rsaPublicKey = der('30', derInteger(jwk.n) + derInteger(jwk.e));
    var spki = der('30', rsaEncryption + der('03', '00' + rsaPublicKey));
    var base64 = CryptoJS.enc.Base64.stringify(CryptoJS.enc.Hex.parse(spki));
    return (
      '-----BEGIN PUBLIC KEY-----\n' +
      base64.match(/.{1,64}/g).join('\n') +
      '\n-----END PUBLIC KEY-----\n'
    );
  }

  function hs256(input, secret) {
    return (
      input + '.' + gatecheck.base64url.fromWords(require('crypto-js').HmacSHA256(input, secret))
    );
  }

  // N3: flip every bit of the last four signature bytes. Changing only the last base64url
  // character could touch padding bits and decode to the same signature. With a `mark` (distinct
  // per check), each hex digit is XORed with a non-zero digit of it instead, so every check sends
  // another signature.
  function signatureAltered(parts, mark) {
    var CryptoJS = require('crypto-js');
    var signatureHex = CryptoJS.enc.Hex.stringify(gatecheck.base64url.toWords(parts[2]));
    var mask = mark || 'ffffffff';
    var index = 0;
    var flipped = signatureHex.slice(-8).replace(/[0-9a-f]/g, function (digit) {
      var bits = parseInt(mask.charAt(index++), 16) | 1;
      return (parseInt(digit, 16) ^ bits).toString(16);
    });
    var altered = gatecheck.base64url.fromWords(
      CryptoJS.enc.Hex.parse(signatureHex.slice(0, -8) + flipped),
    );
    return parts[0] + '.' + parts[1] + '.' + altered;
  }

  // N4: another subject, an admin group and an extra scope; header and signature kept.
  function claimsEdited(payload, parts, mark) {
    payload.sub = gatecheck.constants.editedSubject;
    if (mark) payload['gatecheck:check'] = mark;
    var groups = payload['cognito:groups'] || [];
    payload['cognito:groups'] = groups.concat(['admin']);
    if (payload.token_use === 'access' || payload.scope !== undefined)
      payload.scope = (payload.scope ? payload.scope + ' ' : '') + 'gatecheck/admin';
    return parts[0] + '.' + gatecheck.base64url.encodeJson(payload) + '.' + parts[2];
  }

  // N8: re-signed as HS256 keyed with the pool's public key (the JWK matching the token's `kid`,
  // from `<iss>/.well-known/jwks.json`, as PEM text with a trailing newline).
  function hs256PublicKey(pm, jwt, done) {
    var header = jwt[0];
    var url = String(jwt[1].iss).replace(/\/$/, '') + '/.well-known/jwks.json';
    pm.sendRequest({ url: url, method: 'GET' }, function (error, response) {
      var keys = [];
      try {
        keys = !error && response.code === 200 ? response.json().keys || [] : [];
      } catch {
        keys = [];
      }
      var jwk = keys.filter(function (key) {
        return key.kid === header.kid && key.kty === 'RSA';
      })[0];
      if (!jwk) return done("the pool's JWKS did not give the token's key");
      header.alg = 'HS256';
      return done(
        null,
        hs256(gatecheck.base64url.encodeJson(header) + '.' + jwt[3][1], pemFromJwk(jwk)),
      );
    });
  }

  // Calls done(null, token) with the forged token, or done(reason) when it cannot be built.
  // `jwt` is gatecheck.jwt.split of the captured token; `variant` is the `alg` spelling of alg-none.
  // `salt` (the check's id, Lambda authorizers) makes the token differ from every other check's:
  // API Gateway caches a Lambda authorizer's result per token, so a repeat would never reach it.
  gatecheck.forgeToken = function (pm, forgery, variant, jwt, done, salt) {
    var mark = salt ? require('crypto-js').SHA256(String(salt)).toString().slice(0, 8) : null;
    var header = jwt[0];
    var parts = jwt[3];
    if (mark && forgery !== 'signature-altered' && forgery !== 'claims-edited') {
      // A header parameter of its own: the claims stay the captured token's.
      header.gck = mark;
      parts = [gatecheck.base64url.encodeJson(header), parts[1], parts[2]];
    }
    switch (forgery) {
      case 'signature-altered':
        return done(null, signatureAltered(parts, mark));
      case 'claims-edited':
        return done(null, claimsEdited(jwt[1], parts, mark));
      case 'alg-none':
        // N5: `alg` in the variant's spelling, empty signature, trailing dot.
        header.alg = variant;
        return done(null, gatecheck.base64url.encodeJson(header) + '.' + parts[1] + '.');
      case 'signature-stripped':
        // N6: the signature removed, original header (still RS256) kept.
        return done(null, parts[0] + '.' + parts[1] + '.');
      case 'hs256-empty-secret':
        // N7: re-signed as HS256 with an empty secret.
        header.alg = 'HS256';
        return done(null, hs256(gatecheck.base64url.encodeJson(header) + '.' + parts[1], ''));
      case 'hs256-public-key':
        return hs256PublicKey(pm, jwt, done);
      default:
        return done('gatecheck cannot forge "' + forgery + '"');
    }
  };
})();
