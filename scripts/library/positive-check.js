// Positive checks: a legitimate caller gets the documented answer: status, content type, and a
// body valid against the documented schema (gatecheck.schemas, defined with the library).
gatecheck.positive = {
  test: function (pm, check) {
    var runVariables = gatecheck.constants.runVariables;
    gatecheck.state.count(pm, runVariables.ran);

    pm.test(check.name + ' · answers ' + check.status, function () {
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
