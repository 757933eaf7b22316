// Controls: the request of the negative checks that follow, with valid credentials (the captured
// token of the kind the method needs, the API key when one is required). The test proves that
// this exact request (method, URL, body) gets through API Gateway, so the block of negatives after
// it tests the authorizer and not a wrong URL, a failed sign-in or an unreachable stage. Its
// verdict is kept for those negatives (the last one clears it); a closing control (`closing`)
// proves the request still gets through after a long block, and keeps no verdict.
//
// A control has no pre-request script: its request item sends the captured token (`{{idToken}}` or
// `{{accessToken}}`) and the API key (`{{apiKey}}`) itself, and without a token it goes out with an
// empty one and fails honestly. Its test writes the verdict every time, so none is ever left over
// from an earlier run, and then signs in on demand when the tokens are about to expire, for the
// requests after it (a runner that defines the library once per run has no collection script
// doing it before every request).
gatecheck.control = {
  test: function (pm, check) {
    var state = gatecheck.state;
    state.count(pm, gatecheck.constants.runVariables.ran);

    var response = pm.response;
    var answered = state.assertAnswered(pm, check);
    var answers = state.answers(check);
    var requestId = answered && state.requestIdPresent(response, answers.requestIdHeaders);
    var passed = answered && requestId;

    if (answered) {
      pm.test(
        check.label +
          ': answered by API Gateway (' +
          answers.requestIdHeaders.join(' or ') +
          ' present)',
        function () {
          pm.expect(
            requestId,
            'no API Gateway request id: the answer came from something else',
          ).to.equal(true);
        },
      );
      if (check.expect.mode === 'success') {
        passed = passed && response.code === check.expect.status;
        pm.test(check.label + ': status is ' + check.expect.status, function () {
          pm.expect(response.code).to.equal(check.expect.status);
        });
      } else {
        // A sentinel target makes the backend answer 4xx; what matters is that the gateway let it through.
        var errorType = state.errorType(response);
        var reached = state.reachedIntegration(response, answers.gatewayBodies);
        passed = passed && reached;
        pm.test(
          check.label +
            ': reached the integration (status ' +
            response.code +
            ', not a gateway rejection)',
          function () {
            pm.expect(
              reached,
              errorType ? 'x-amzn-ErrorType ' + errorType : 'a gateway answer',
            ).to.equal(true);
          },
        );
        // A POST's harmless body should be refused, not turned into a new object. A mock
        // integration or a lax backend accepts it; that is said, not failed, as the request got
        // through the gateway all the same.
        if (check.expect.refused && response.code >= 200 && response.code < 300)
          console.warn(
            'gatecheck: ' +
              check.label +
              ': the API accepted the harmless body (status ' +
              response.code +
              '): a broken authorizer would let the negatives create objects; run them against a test stage',
          );
      }
    }

    if (!check.closing)
      pm.collectionVariables.set(state.variable('verdict', check.id), passed ? 'passed' : 'failed');
    gatecheck.signInOnDemand(pm, []);
  },
};
