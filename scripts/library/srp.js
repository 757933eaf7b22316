// SRP for USER_SRP_AUTH and PASSWORD_SRP (docs/reference/aws-wire-behaviour.md §1.11), with what
// Postman's sandbox has: BigInt and crypto-js (no Node modules, so it runs in newman and the
// Postman app alike). The maths follows AWS's own client, amazon-cognito-identity-js
// `AuthenticationHelper.js`; a test pins this file's values to that library's for fixed inputs.
// Nothing here logs the password or a secret.
gatecheck.srp = (function () {
  // crypto-js is asked for when SRP is used: the library is loaded before every request.
  var CryptoJS = null;
  function cryptoJs() {
    if (!CryptoJS) CryptoJS = require('crypto-js');
    return CryptoJS;
  }
  // RFC 3526 3072-bit MODP group, g = 2.
  var N = BigInt(
    '0x' +
      'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
      'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
      'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
      '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
      'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
      '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
      'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
      'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
  );
  var G = BigInt(2);
  var ZERO = BigInt(0);
  var ONE = BigInt(1);
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  // Even-length hex with a leading 00 when the high bit is set (values here are never negative).
  function padHex(value) {
    var hex = value.toString(16);
    if (hex.length % 2 === 1) hex = '0' + hex;
    return /^[89a-f]/i.test(hex) ? '00' + hex : hex;
  }

  function hexHash(hex) {
    var C = cryptoJs();
    return C.SHA256(C.enc.Hex.parse(hex)).toString(C.enc.Hex);
  }

  function big(hex) {
    return BigInt('0x' + hex);
  }

  function modPow(base, exponent, modulus) {
    var result = ONE;
    var b = ((base % modulus) + modulus) % modulus;
    var e = exponent;
    while (e > ZERO) {
      if (e & ONE) result = (result * b) % modulus;
      b = (b * b) % modulus;
      e >>= ONE;
    }
    return result;
  }

  // k = H(padHex(N) ‖ padHex(g)).
  function multiplier() {
    return big(hexHash(padHex(N) + padHex(G)));
  }

  // A fresh 128-byte secret a, as hex; kept by the caller until PASSWORD_VERIFIER is answered.
  function newSecret() {
    var C = cryptoJs();
    return C.lib.WordArray.random(128).toString(C.enc.Hex);
  }

  // SRP_A = g^a mod N.
  function publicValue(secretHex) {
    return modPow(G, big(secretHex), N).toString(16);
  }

  // `us-east-1_AbC123xyz` → `AbC123xyz`: SRP hashes the pool name, not the whole id.
  function poolName(userPoolId) {
    var parts = String(userPoolId).split('_');
    return parts.length > 1 ? parts[1] : String(userPoolId);
  }

  // `EEE MMM d HH:mm:ss UTC yyyy`, day not zero-padded (amazon-cognito-identity-js DateHelper).
  function timestamp(date) {
    function two(n) {
      return n < 10 ? '0' + n : String(n);
    }
    return (
      DAYS[date.getUTCDay()] +
      ' ' +
      MONTHS[date.getUTCMonth()] +
      ' ' +
      date.getUTCDate() +
      ' ' +
      two(date.getUTCHours()) +
      ':' +
      two(date.getUTCMinutes()) +
      ':' +
      two(date.getUTCSeconds()) +
      ' UTC ' +
      date.getUTCFullYear()
    );
  }

  // HKDF-SHA256(ikm = padHex(S), salt = padHex(u), info = "Caldera Derived Key"), 16 bytes.
  function hkdf(ikmHex, saltHex) {
    var C = cryptoJs();
    var prk = C.HmacSHA256(C.enc.Hex.parse(ikmHex), C.enc.Hex.parse(saltHex));
    var info = C.enc.Utf8.parse('Caldera Derived Key').concat(C.enc.Hex.parse('01'));
    var okm = C.HmacSHA256(info, prk).toString(C.enc.Hex);
    return C.enc.Hex.parse(okm.slice(0, 32));
  }

  // PASSWORD_CLAIM_SIGNATURE for the PASSWORD_VERIFIER challenge. `claim`: poolName, userId
  // (USER_ID_FOR_SRP), password, secret (a, hex), salt, srpB, secretBlock (base64), timestamp.
  function signature(claim) {
    var C = cryptoJs();
    var a = big(claim.secret);
    var A = modPow(G, a, N);
    var B = big(claim.srpB);
    if (B % N === ZERO) throw new Error('Cognito sent an SRP_B of 0 mod N');
    var u = big(hexHash(padHex(A) + padHex(B)));
    if (u === ZERO) throw new Error('SRP u is 0');
    var inner = C.SHA256(
      C.enc.Utf8.parse(claim.poolName + claim.userId + ':' + claim.password),
    ).toString(C.enc.Hex);
    var x = big(hexHash(padHex(big(claim.salt)) + inner));
    var base = (((B - multiplier() * modPow(G, x, N)) % N) + N) % N;
    var S = modPow(base, a + u * x, N);
    var key = hkdf(padHex(S), padHex(u));
    var message = C.enc.Utf8.parse(claim.poolName)
      .concat(C.enc.Utf8.parse(claim.userId))
      .concat(C.enc.Base64.parse(claim.secretBlock))
      .concat(C.enc.Utf8.parse(claim.timestamp));
    return C.enc.Base64.stringify(C.HmacSHA256(message, key));
  }

  return {
    newSecret: newSecret,
    publicValue: publicValue,
    poolName: poolName,
    timestamp: timestamp,
    signature: signature,
  };
})();
