/** For tests: builds a design by replaying palette placements, the way a user draws one. */
import { emptyDesign, type Design } from '../../core/model/index.ts';
import { placeItem } from './place.ts';

type Kind = Parameters<typeof placeItem>[1];
type Target = Parameters<typeof placeItem>[2];

export function placer(start: Design = emptyDesign()) {
  let design = start;
  return {
    /** Places one palette item and returns the new entity's id; throws on a refused drop. */
    place(kind: Kind, target: Target = {}): string {
      const r = placeItem(design, kind, target);
      if (!r.ok) throw new Error(r.error.message);
      design = r.value.design;
      return r.value.id;
    },
    get design(): Design {
      return design;
    },
  };
}
