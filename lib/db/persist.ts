/**
 * Ask the browser to keep our data under storage pressure. With the unlimitedStorage permission
 * Chrome grants this; it is still worth asking so that Firefox and future policies know.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
