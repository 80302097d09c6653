/** The keyboard shortcuts, as data: the app binds them, the `?` dialog lists them. */

export interface Shortcut {
  keys: string[];
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Ctrl/⌘', 'K'], does: 'Commands: add, move, select, attach… by typing' },
  { keys: ['Enter'], does: 'On a palette item: add it to the selected VPC or subnet. On a node: select it.' },
  { keys: ['Delete'], does: 'Delete the selection' },
  { keys: ['Ctrl/⌘', 'Z'], does: 'Undo' },
  { keys: ['Ctrl/⌘', 'Shift', 'Z'], does: 'Redo (also Ctrl+Y)' },
  { keys: ['Ctrl/⌘', 'D'], does: 'Duplicate the selected resource' },
  { keys: ['←', '↑', '→', '↓'], does: 'Nudge the selection (hold Shift for bigger steps)' },
  { keys: ['F'], does: 'Fit the whole design in view' },
  { keys: ['R'], does: 'Paths: light up what the selected resource or network reaches' },
  { keys: ['W'], does: 'Paths: who can reach the selected resource?' },
  { keys: ['P'], does: 'Present: hide the side panels (again to bring them back)' },
  { keys: ['E'], does: 'Export: design file, AWS CLI, Terraform, CloudFormation, PNG or SVG' },
  { keys: ['Esc'], does: 'Clear the selection' },
  { keys: ['?'], does: 'Show these shortcuts' },
];
