// Operations gatecheck cannot check (an authorizer it has no credentials for): the item sends
// nothing and is reported as skipped with the reason, so a run never passes over them silently.
// Older Postman runtimes cannot skip a request: then it goes out without credentials and the test
// script reports the skip. Counters: see negative-check.js.
gatecheck.unchecked = {
  prerequest: function (pm, check) {
    if (pm.execution && typeof pm.execution.skipRequest === 'function') {
      gatecheck.unchecked.report(pm, check);
      pm.execution.skipRequest();
    } else {
      pm.collectionVariables.set(gatecheck.state.variable('skip', check.id), check.reason);
    }
  },

  test: function (pm, check) {
    if (gatecheck.state.take(pm, gatecheck.state.variable('skip', check.id)))
      gatecheck.unchecked.report(pm, check);
  },

  // The test name carries `not checked:`, which the run summary counts and lists.
  report: function (pm, check) {
    pm.test.skip(check.label + ': not checked: ' + check.reason);
    gatecheck.state.count(pm, gatecheck.constants.runVariables.skipped);
  },
};
