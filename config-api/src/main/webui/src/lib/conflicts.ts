// State of the rebase conflict resolution: one choice ("mine" = the draft's value,
// "theirs" = the active version's value) per conflicting JSON pointer.
export interface Conflict {
  pointer: string;
  mine: unknown;
  theirs: unknown;
  mine_present?: boolean;
  theirs_present?: boolean;
}

export type Choice = 'mine' | 'theirs';

export interface ResolutionState {
  conflicts: Conflict[];
  choices: Record<string, Choice>;
}

export type ResolutionAction =
  | { type: 'load'; conflicts: Conflict[] }
  | { type: 'choose'; pointer: string; choice: Choice }
  | { type: 'chooseAll'; choice: Choice }
  | { type: 'clear' };

export const initialResolution: ResolutionState = { conflicts: [], choices: {} };

export function resolutionReducer(state: ResolutionState, action: ResolutionAction): ResolutionState {
  switch (action.type) {
    case 'load':
      // keep earlier choices for pointers that still conflict
      return {
        conflicts: action.conflicts,
        choices: Object.fromEntries(
          action.conflicts.filter((c) => state.choices[c.pointer]).map((c) => [c.pointer, state.choices[c.pointer]]),
        ),
      };
    case 'choose':
      if (!state.conflicts.some((c) => c.pointer === action.pointer)) return state;
      return { ...state, choices: { ...state.choices, [action.pointer]: action.choice } };
    case 'chooseAll':
      return { ...state, choices: Object.fromEntries(state.conflicts.map((c) => [c.pointer, action.choice])) };
    case 'clear':
      return initialResolution;
  }
}

export function unresolved(state: ResolutionState): string[] {
  return state.conflicts.filter((c) => !state.choices[c.pointer]).map((c) => c.pointer);
}

export function isComplete(state: ResolutionState): boolean {
  return state.conflicts.length > 0 && unresolved(state).length === 0;
}

export type Resolutions = Record<string, 'draft' | 'active'>;

/** The `resolutions` member of `POST .../draft/rebase`: which side wins at each pointer. */
export function toResolutions(state: ResolutionState): Resolutions {
  return Object.fromEntries(
    state.conflicts
      .filter((c) => state.choices[c.pointer])
      .map((c) => [c.pointer, state.choices[c.pointer] === 'mine' ? 'draft' : 'active']),
  );
}
