package org.osr.cli;

import java.math.BigInteger;
import picocli.CommandLine;

/** {@code --timeout}: whole seconds, at least one, at most a day. Picocli prefixes the option's name to the message. */
final class TimeoutSeconds implements CommandLine.ITypeConverter<Integer> {
    static final int MAX = 86_400;

    @Override
    public Integer convert(String value) {
        BigInteger seconds;
        try {
            seconds = new BigInteger(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of seconds; give 1 to "
                    + MAX);
        }
        if (seconds.signum() <= 0 || seconds.compareTo(BigInteger.valueOf(MAX)) > 0) {
            throw new CommandLine.TypeConversionException(value + " is out of range; give 1 to " + MAX + " seconds");
        }
        return seconds.intValueExact();
    }
}
