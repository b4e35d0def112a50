package io.jzmtp.spec.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.ZContext;

/**
 * The socket-type matrix against JeroMQ 0.6 (in process; ZMTP 3.0, so subscriptions travel as 0x01/0x00 messages)
 * over tcp (JeroMQ 0.6 fakes ipc over tcp, so ipc is libzmq only): every valid pair, jzmtp on either side, binding or
 * connecting. Each method's name is its cell (see {@link CellName}).
 */
@DisplayName("JeroMQ over tcp")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JeromqTcpMatrixTest extends TcpMatrixCells {
    private ZContext jeromq;

    @BeforeEach
    void startJeromq() {
        jeromq = new ZContext();
    }

    @AfterEach
    void stopJeromq() {
        jeromq.close();
    }

    @Override
    Party theirs() {
        return new JeromqParty(jeromq);
    }
}
