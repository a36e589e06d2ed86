import { z } from 'zod';
import { DetectionResultSchema } from './detection/result';

/**
 * Messages from the popup or background to the content script of one tab (browser.tabs.sendMessage). Only the
 * extension itself can send these, so the content script checks the type by hand (no schema library there).
 *  - page/status: what the extension found on this page, for the popup.
 *  - page/open-sidebar: open (expand) the sidebar, from the popup or the keyboard shortcut.
 */
export type PageRequest = { type: 'page/status' } | { type: 'page/open-sidebar' };

export const PageStatusSchema = z.object({
  detection: DetectionResultSchema.nullable(),
  /** 'hidden' when no condition was found (no sidebar on the page). */
  sidebar: z.enum(['open', 'collapsed', 'hidden']),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;
