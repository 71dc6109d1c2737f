package org.osr.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test left out of the fast tier ({@code mvn -q verify -Dgroups=fast}, see the pom's {@code fast} profile): it
 * reads the shared corpus, runs Tesseract, LibreOffice or the launcher, feeds hostile input, or takes more than about
 * five seconds. {@code mvn -q verify} runs it like any other.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
