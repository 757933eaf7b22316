// Public checks: a documented public operation answers without a token (the API key only when
// required). A public write operation is aimed at a sentinel target and only has to get past the
// gateway. Counters: see negative-check.js.
// The request item itself sends the API key (`{{apiKey}}`) when the method needs one.
gatecheck.public = {
  test: function (pm, check) {
    var state = gatecheck.state;
    state.count(pm, gatecheck.constants.runVariables.ran);

    var response = pm.response;
    if (!state.assertAnswered(pm, check)) return;
    pm.test(
      check.label +
        ': answered by API Gateway (' +
        state.answers(check).requestIdHeaders.join(' or ') +
        ' present)',
      function () {
        pm.expect(
          state.requestIdPresent(response, state.answers(check).requestIdHeaders),
          'no API Gateway request id: the answer came from something else',
        ).to.equal(true);
      },
    );
    if (check.reachedIntegration) {
      pm.test(
        check.label + ': reached the integration without a token (status ' + response.code + ')',
        function () {
          pm.expect(
            state.reachedIntegration(response, state.answers(check).gatewayBodies),
            'a gateway rejection',
          ).to.equal(true);
        },
      );
    } else {
      pm.test(
        check.label + ': answers without a token (status ' + check.expect.status + ')',
        function () {
          pm.expect(response.code).to.equal(check.expect.status);
        },
      );
    }
  },
};
