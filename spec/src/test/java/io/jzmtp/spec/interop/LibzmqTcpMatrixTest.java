package io.jzmtp.spec.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The socket-type matrix against libzmq (Debian's 4.3.4 through pyzmq, in one peer process) over tcp: every valid
 * pair, jzmtp on either side, binding or connecting. Each method's name is its cell (see {@link CellName}).
 */
@DisplayName("libzmq over tcp")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqTcpMatrixTest extends TcpMatrixCells {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();

    @Override
    Party theirs() {
        return new LibzmqParty(LIBZMQ.peer());
    }
}
