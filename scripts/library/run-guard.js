// The items that frame a run. Run start (the first item) resets the counters: collection
// variables keep their values between runs in the Postman app, and between iterations in newman.
// The run guard (the last item) passes only if every planned check executed or was reported as
// skipped, and no negative check was inconclusive: newman has no "fail if fewer tests ran" option
// (newman#3164), so the count is asserted here. Both send nothing.
//   gatecheck.ran          +1 for every check that executed
//   gatecheck.skipped      +1 for every check reported with pm.test.skip
//   gatecheck.inconclusive +1 for every negative whose control did not pass
gatecheck.run = {
  start: function (pm) {
    var counters = gatecheck.constants.runVariables;
    pm.collectionVariables.set(counters.ran, '0');
    pm.collectionVariables.set(counters.skipped, '0');
    pm.collectionVariables.set(counters.inconclusive, '0');
    if (pm.execution && typeof pm.execution.skipRequest === 'function') pm.execution.skipRequest();
  },

  // Works as a test script or as a pre-request script (then it skips its own request).
  guard: function (pm, plan) {
    var counters = gatecheck.constants.runVariables;
    var expected = plan.expectedCheckCount;
    function read(name) {
      return Number(pm.collectionVariables.get(name) || 0);
    }
    var ran = read(counters.ran);
    var skipped = read(counters.skipped);
    var inconclusive = read(counters.inconclusive);

    pm.test(
      'run guard: every planned check ran or was skipped (' + expected + ' planned)',
      function () {
        pm.expect(ran + skipped, ran + ' ran and ' + skipped + ' skipped').to.equal(expected);
      },
    );
    pm.test('run guard: no negative check was inconclusive', function () {
      pm.expect(inconclusive, inconclusive + ' inconclusive').to.equal(0);
    });
    if (
      pm.info.eventName === 'prerequest' &&
      pm.execution &&
      typeof pm.execution.skipRequest === 'function'
    )
      pm.execution.skipRequest();
  },
};
