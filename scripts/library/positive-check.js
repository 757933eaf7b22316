// Positive checks: a legitimate caller gets the documented answer: status, content type, and a
// body valid against the documented schema (gatecheck.schemas, defined with the library).
gatecheck.positive = {
  test: function (pm, check) {
    var runVariables = gatecheck.constants.runVariables;
    gatecheck.state.count(pm, runVariables.ran);

    // A scoped method refusing the token with 401: say which scopes it needs and which the
    // token carried (API sign-ins carry only aws.cognito.signin.user.admin, §1.10).
    var refusal = '';
    if (pm.response.code === 401 && check.scopes && check.scopes.length > 0) {
      var sent = gatecheck.oauth.sentScopes(pm, check.tokenHeader);
      refusal =
        'refused with 401: the method needs one of the scopes ' +
        check.scopes.join(' ') +
        '; the token sent ' +
        (sent === null ? 'was empty (no token was obtained)' : 'carried scopes ' + sent);
    }
    pm.test(check.name + ' · answers ' + check.status, function () {
      if (refusal) pm.expect(pm.response.code, refusal).to.equal(check.status);
      pm.response.to.have.status(check.status);
    });

    if (check.contentType) {
      pm.test(check.name + ' · content type ' + check.contentType, function () {
        pm.expect(String(pm.response.headers.get('Content-Type') || '').toLowerCase()).to.include(
          check.contentType.toLowerCase(),
        );
      });
    }

    if (check.schemaPointer) {
      pm.test(check.name + ' · body matches the documented schema', function () {
        pm.response.to.have.jsonSchema({
          $ref: check.schemaPointer,
          definitions: gatecheck.schemas.definitions,
        });
      });
    }
  },
};
