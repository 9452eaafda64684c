// Fixed items cross between the page and its workers in chunks, one message per task: copying a
// message is work for the thread that sends or receives it, and hundreds of thousands of items
// in one message would hold the page for a second or more.
import type { FixedItem } from '../model/types';

/** Items per message: about 25 ms of copying on a laptop, so a loaded machine stays under 200 ms. */
export const ITEMS_PER_CHUNK = 5_000;

/** Calls `post` with each chunk of `items`, one task apart, and resolves after the last. */
export async function postInChunks(items: readonly FixedItem[], post: (chunk: FixedItem[], last: boolean) => void): Promise<void> {
  for (let start = 0; start === 0 || start < items.length; start += ITEMS_PER_CHUNK) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const end = start + ITEMS_PER_CHUNK;
    post(items.slice(start, end), end >= items.length);
  }
}
