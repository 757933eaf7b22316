import { expect } from 'chai';
import { planCollection } from '../../../generators/plan/plan-collection.js';
import { renderCollection } from '../../../generators/render/render-collection.js';
import type { PostmanCollection } from '../../../generators/run/inputs/collection-file.js';
import { withLibraryOnce } from '../../../generators/run/newman/library-once.js';
import { demoModel } from '../../render/fixtures.js';

describe('the script library once per newman run', () => {
  const collection = renderCollection(
    demoModel,
    planCollection(demoModel),
  ) as unknown as PostmanCollection;

  it('moves the collection script into the first request, ahead of its own pre-request script', () => {
    const moved = withLibraryOnce(collection);
    expect(moved.event).to.deep.equal([]);
    const library = (collection.event as Array<{ script: { exec: string[] } }>)[0]!.script.exec[0]!;
    const first = moved.item[0] as { event: Array<{ listen: string; script: { exec: string[] } }> };
    const prerequest = first.event.find((event) => event.listen === 'prerequest')!;
    expect(prerequest.script.exec).to.have.length(1);
    expect(prerequest.script.exec[0]!.startsWith(library)).to.equal(true);
    expect(prerequest.script.exec[0]).to.include('gatecheck.run.start(pm)');
    // The collection given is left as it was.
    expect(collection.event).to.have.length(1);
  });

  it('leaves other collections alone', () => {
    const other: PostmanCollection = {
      info: { name: 'x' },
      event: [{ listen: 'prerequest', script: { exec: ['console.log(1)'] } }],
      item: [{ name: 'a', request: { method: 'GET', url: 'http://127.0.0.1/' } }],
    };
    expect(withLibraryOnce(other)).to.equal(other);
  });
});
