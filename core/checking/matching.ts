// A QROCM-dep's fields must each match a distinct accepted answer (DOMAIN.md §5). Greedy assignment
// would depend on the fields' order (a field could take the only answer another field needed), so this
// looks for a complete matching of the bipartite graph fields → accepted answers.

/**
 * Whether every left node (field) can be paired with a right node (accepted answer) of its own, no right
 * node used twice. `edges[left]` lists the right nodes `left` may take. Kuhn's augmenting paths: O(V·E),
 * a handful of nodes here.
 */
export function hasCompleteMatching(edges: readonly (readonly number[])[], rightCount: number): boolean {
  if (edges.length > rightCount) return false;
  const owner = new Int32Array(rightCount).fill(-1);
  const visited = new Uint8Array(rightCount);
  for (let left = 0; left < edges.length; left++) {
    visited.fill(0);
    if (!augment(left, edges, owner, visited)) return false;
  }
  return true;
}

function augment(
  left: number,
  edges: readonly (readonly number[])[],
  owner: Int32Array,
  visited: Uint8Array,
): boolean {
  for (const right of edges[left] ?? []) {
    if (right < 0 || right >= owner.length || visited[right]) continue;
    visited[right] = 1;
    const current = owner[right] ?? -1;
    if (current === -1 || augment(current, edges, owner, visited)) {
      owner[right] = left;
      return true;
    }
  }
  return false;
}
