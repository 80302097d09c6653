/** The combined store's shape: one zustand store built from slices (see index.ts). */
import type { StateCreator } from 'zustand';
import type { DesignSlice } from './design-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { UiSlice } from './ui-slice.ts';
import type { NoticeSlice } from './notice-slice.ts';
import type { LibrarySlice } from './library-slice.ts';
import type { FindingsSlice } from './findings-slice.ts';
import type { PathsSlice } from './paths-slice.ts';

export type StoreState = DesignSlice & SelectionSlice & UiSlice & NoticeSlice & LibrarySlice & FindingsSlice & PathsSlice;

/** A slice creator that may use every other slice's actions through `get`. */
export type Slice<T> = StateCreator<StoreState, [['temporal', unknown]], [], T>;
