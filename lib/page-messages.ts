import { z } from 'zod';
import { DetectionResultSchema } from './detection/result';

/**
 * Messages from the popup or background to the content script of one tab (browser.tabs.sendMessage).
 * The content script parses every one with this schema.
 */
export const PageRequestSchema = z.discriminatedUnion('type', [
  /** What the extension found on this page, for the popup. */
  z.object({ type: z.literal('page/status') }),
  /** Open (expand) the sidebar, e.g. from the popup or the keyboard shortcut. */
  z.object({ type: z.literal('page/open-sidebar') }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

export const PageStatusSchema = z.object({
  detection: DetectionResultSchema.nullable(),
  /** 'hidden' when no condition was found (no sidebar on the page). */
  sidebar: z.enum(['open', 'collapsed', 'hidden']),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;
