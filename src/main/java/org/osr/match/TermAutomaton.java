package org.osr.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An Aho-Corasick automaton over literal terms, each carrying an {@code int[]} value (the rules it belongs to).
 * Reports every occurrence of every term, overlapping ones included, in order of their end.
 *
 * <p>Built level by level from the sorted terms, so nodes are numbered breadth first and the children of a node are
 * consecutive: a transition looks through a few of them, or through a small hash table for a node with many (the
 * root's are a table by char). Failure links are set as each level is made, from the levels above. Building takes
 * time linear in the total length of the terms (after the sort) and about 26 bytes per trie node. The double-array
 * trie used before took minutes for a few hundred thousand Chinese terms: placing each node's children in the shared
 * array searched ever longer for room. Immutable and thread-safe once built.
 */
final class TermAutomaton {
    /** Receives one occurrence: {@code text[begin, end)} is a term whose value is {@code value}. */
    @FunctionalInterface
    interface Occurrence {
        void found(int begin, int end, int[] value);
    }

    private static final int NONE = -1;
    /**
     * Fields of a node in {@link #node}, 16 bytes together, so a step through the text reads one cache line a node.
     * The first is the node's first child, or for a node with many children where their hash table starts in
     * {@link #table}.
     */
    private static final int FIRST_CHILD = 0;
    private static final int TABLE = 0;
    private static final int CHILD_COUNT = 1;
    private static final int FAIL = 2;
    /** The first node whose term ends here: the node itself, else {@link #nextTermNode}'s; 0 for none. */
    private static final int EMIT = 3;
    private static final int FIELDS = 4;
    /** From this many children on, a node's children are found through a hash table rather than one by one. */
    private static final int HASHED_CHILDREN = 4;

    private final int[] rootChild = new int[Character.MAX_VALUE + 1];
    private final int[] node;
    /** Per node: its char (the children of a node are consecutive and sorted), the term it ends (or NONE). */
    private final char[] label;
    private final int[] term;
    /** Per node: the nearest node along the failure links that ends a term (0, the root, when none does). */
    private final int[] nextTermNode;
    /**
     * Open-addressing tables, {@code child << 16 | char} per entry (0: empty), 4 to 8 slots per child: most look-ups
     * are for a char that is not a child and should end at the first empty slot. Grows while the constructor runs and
     * is not changed after.
     */
    private long[] table = new long[64];
    private int tableUsed;
    private final int[] termLength;
    private final int[][] values;

    /**
     * An automaton over the words of several rules; a word's value is the rules it belongs to, in ascending order.
     * Each rule's words are sorted on their own and then merged, which for one long list and many short ones costs
     * little more than sorting the long one.
     *
     * @param wordsOfRule the words of rule {@code i} at index {@code i} (may repeat, may be empty)
     * @return null when there are no words at all
     */
    static TermAutomaton ofRules(List<List<String>> wordsOfRule) {
        List<String[]> lists = new ArrayList<>();
        List<int[]> rule = new ArrayList<>();
        for (int r = 0; r < wordsOfRule.size(); r++) {
            if (!wordsOfRule.get(r).isEmpty()) {
                String[] words = wordsOfRule.get(r).toArray(String[]::new);
                Arrays.sort(words);
                lists.add(words);
                rule.add(new int[] {r});   // shared by every word that belongs to this rule only
            }
        }
        if (lists.isEmpty()) {
            return null;
        }
        // {list, position}; equal words come out in list order, which is rule order.
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> {
            int c = lists.get(a[0])[a[1]].compareTo(lists.get(b[0])[b[1]]);
            return c != 0 ? c : Integer.compare(a[0], b[0]);
        });
        for (int l = 0; l < lists.size(); l++) {
            heads.add(new int[] {l, 0});
        }
        List<String> terms = new ArrayList<>();
        List<int[]> values = new ArrayList<>();
        while (!heads.isEmpty()) {
            int[] head = heads.poll();
            String word = lists.get(head[0])[head[1]];
            int[] owner = rule.get(head[0]);
            int last = terms.size() - 1;
            if (last < 0 || !terms.get(last).equals(word)) {
                terms.add(word);
                values.add(owner);
            } else if (values.get(last)[values.get(last).length - 1] != owner[0]) {
                int[] both = Arrays.copyOf(values.get(last), values.get(last).length + 1);
                both[both.length - 1] = owner[0];
                values.set(last, both);
            }
            if (++head[1] < lists.get(head[0]).length) {
                heads.add(head);
            }
        }
        return new TermAutomaton(terms.toArray(String[]::new), values.toArray(int[][]::new));
    }

    /**
     * @param terms  distinct non-empty terms, sorted by {@link String#compareTo}
     * @param values the value of each term
     */
    TermAutomaton(String[] terms, int[][] values) {
        int count = terms.length;
        this.values = values.clone();
        this.termLength = new int[count];
        int[] sharedPrefix = new int[count];
        long nodes = 1;
        int longest = 0;
        for (int t = 0; t < count; t++) {
            String s = terms[t];
            if (s.isEmpty() || (t > 0 && s.compareTo(terms[t - 1]) <= 0)) {
                throw new IllegalArgumentException("terms must be non-empty, distinct and sorted");
            }
            termLength[t] = s.length();
            sharedPrefix[t] = t == 0 ? 0 : commonPrefix(terms[t - 1], s);
            nodes += s.length() - sharedPrefix[t];
            longest = Math.max(longest, s.length());
        }
        if (nodes > (Integer.MAX_VALUE - 8) / FIELDS) {
            throw new IllegalArgumentException("too many terms: " + nodes + " trie nodes");
        }
        int n = (int) nodes;
        node = new int[n * FIELDS];
        label = new char[n];
        term = new int[n];
        nextTermNode = new int[n];
        Arrays.fill(term, NONE);

        // Level d holds the distinct prefixes of length d + 1. Sorted terms sharing a prefix are consecutive, so a
        // term starts a new node at level d exactly when it shares fewer than d + 1 chars with the term before it.
        int[] active = new int[count];   // the terms longer than d, in sorted order
        int[] prefix = new int[count];   // node of each term's prefix of length d (the root for d = 0)
        for (int t = 0; t < count; t++) {
            active[t] = t;
        }
        int activeCount = count;
        int next = 1;
        int parentsFrom = 0;   // the nodes of the level above: [parentsFrom, parentsTo)
        int parentsTo = 0;
        for (int d = 0; d < longest; d++) {
            int levelFrom = next;
            int kept = 0;
            int made = NONE;
            for (int k = 0; k < activeCount; k++) {
                int t = active[k];
                String s = terms[t];
                if (made == NONE || sharedPrefix[t] < d + 1) {
                    made = addNode(next++, prefix[t], s.charAt(d));
                }
                prefix[t] = made;
                if (s.length() == d + 1) {
                    term[made] = t;
                } else {
                    active[kept++] = t;
                }
            }
            activeCount = kept;
            // The level above now has all its children: the next level's failure links will look them up.
            for (int v = parentsFrom; v < parentsTo; v++) {
                hashChildren(v);
            }
            parentsFrom = levelFrom;
            parentsTo = next;
        }
        table = Arrays.copyOf(table, tableUsed);
        for (int v = 1; v < n; v++) {
            node[v * FIELDS + EMIT] = term[v] != NONE ? v : nextTermNode[v];
        }
    }

    /** Makes node {@code id} the child of {@code parent} for {@code c}, with its failure link. */
    private int addNode(int id, int parent, char c) {
        label[id] = c;
        if (node[parent * FIELDS + CHILD_COUNT]++ == 0) {
            node[parent * FIELDS + FIRST_CHILD] = id;
        }
        int target = 0;
        if (parent == 0) {
            rootChild[c] = id;
        } else {
            // Every node on the failure chain is on a shallower, already finished level.
            int f = node[parent * FIELDS + FAIL];
            target = child(f, c);
            while (target == 0 && f != 0) {
                f = node[f * FIELDS + FAIL];
                target = child(f, c);
            }
        }
        node[id * FIELDS + FAIL] = target;
        nextTermNode[id] = term[target] != NONE ? target : nextTermNode[target];
        return id;
    }

    private void hashChildren(int parent) {
        int count = node[parent * FIELDS + CHILD_COUNT];
        if (count < HASHED_CHILDREN) {
            return;
        }
        int bits = tableBits(count);
        int offset = tableUsed;
        tableUsed += 1 << bits;
        if (tableUsed > table.length) {
            table = Arrays.copyOf(table, Math.max(tableUsed, table.length * 2));
        }
        int first = node[parent * FIELDS + FIRST_CHILD];
        node[parent * FIELDS + TABLE] = offset;
        int mask = (1 << bits) - 1;
        for (int k = first; k < first + count; k++) {
            int slot = slot(label[k], bits);
            while (table[offset + slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[offset + slot] = (long) k << 16 | label[k];
        }
    }

    /** A table of 4 to 8 slots per child, a power of two. */
    private static int tableBits(int count) {
        return 32 - Integer.numberOfLeadingZeros(4 * count - 1);
    }

    private static int slot(char c, int bits) {
        return (c * 0x9E3779B1) >>> (32 - bits);
    }

    /** Nodes are numbered from 1, so 0 (the root) means no child. */
    private int child(int parent, char c) {
        if (parent == 0) {
            return rootChild[c];
        }
        int count = node[parent * FIELDS + CHILD_COUNT];
        if (count < HASHED_CHILDREN) {
            int first = node[parent * FIELDS + FIRST_CHILD];
            for (int k = first, end = first + count; k < end; k++) {
                if (label[k] == c) {
                    return k;
                }
            }
            return 0;
        }
        int bits = tableBits(count);
        int offset = node[parent * FIELDS + TABLE];
        int mask = (1 << bits) - 1;
        for (int slot = slot(c, bits); ; slot = (slot + 1) & mask) {
            long entry = table[offset + slot];
            if (entry == 0) {
                return 0;
            }
            if ((char) entry == c) {
                return (int) (entry >>> 16);
            }
        }
    }

    /**
     * Reports every term occurrence in {@code text}, in order of end offset. Checks every few thousand chars whether
     * the thread was interrupted.
     *
     * @throws MatchInterruptedException when it was
     */
    void scan(CharSequence text, Occurrence occurrence) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if ((i & 0xFFF) == 0) {
                MatchInterruptedException.check();
            }
            char c = text.charAt(i);
            int next = 0;
            while (state != 0 && (next = child(state, c)) == 0) {
                state = node[state * FIELDS + FAIL];
            }
            state = state != 0 ? next : rootChild[c];
            for (int t = node[state * FIELDS + EMIT]; t != 0; t = nextTermNode[t]) {
                int found = term[t];
                occurrence.found(i + 1 - termLength[found], i + 1, values[found]);
            }
        }
    }

    private static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
