package org.osr.webarchive;

import java.io.Closeable;
import java.util.Iterator;
import org.osr.sweep.SweepItem;

/**
 * The items of one web archive, read as they are iterated: each payload is copied to a temporary file only when its
 * item is reached. Never throws for a bad archive: what cannot be read is reported as an {@link ArchiveProblem} and
 * the iteration ends. Closing removes the payload of an item read ahead but not yet handed out.
 */
public interface ArchiveItems extends Iterator<SweepItem>, Closeable {
}
