// base64url (RFC 4648 §5) over CryptoJS word arrays, and compact JWTs (RFC 7515 §7.1): the sign-in
// reads token claims and the forgeries rewrite token parts with these. crypto-js is built into the
// Postman sandbox.
gatecheck.base64url = {
  toWords: function (text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    return require('crypto-js').enc.Base64.parse(base64);
  },

  fromWords: function (words) {
    return require('crypto-js')
      .enc.Base64.stringify(words)
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  },

  decodeJson: function (part) {
    return JSON.parse(require('crypto-js').enc.Utf8.stringify(gatecheck.base64url.toWords(part)));
  },

  encodeJson: function (value) {
    return gatecheck.base64url.fromWords(
      require('crypto-js').enc.Utf8.parse(JSON.stringify(value)),
    );
  },
};

gatecheck.jwt = {
  // [header, payload, signature, parts] of a compact JWS, or null when the text is not one.
  split: function (token) {
    var parts = String(token).split('.');
    if (parts.length !== 3) return null;
    try {
      return [
        gatecheck.base64url.decodeJson(parts[0]),
        gatecheck.base64url.decodeJson(parts[1]),
        parts[2],
        parts,
      ];
    } catch {
      return null;
    }
  },

  // The claims of a token, {} when unreadable. Not verified: only used to read `exp` and
  // `cognito:username` of tokens Cognito just issued.
  claims: function (token) {
    var part = String(token || '').split('.')[1];
    if (!part) return {};
    try {
      return gatecheck.base64url.decodeJson(part);
    } catch {
      return {};
    }
  },
};
