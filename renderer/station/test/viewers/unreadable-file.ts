/** A file a viewer cannot read (corrupt, password-protected, not what its type says). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}
