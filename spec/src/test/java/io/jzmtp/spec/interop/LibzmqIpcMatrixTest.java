package io.jzmtp.spec.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The socket-type matrix against libzmq (Debian's 4.3.4 through pyzmq, in one peer process) over ipc: every valid
 * pair, jzmtp on either side, binding or connecting. Each method's name is its cell (see {@link CellName}).
 */
@DisplayName("libzmq over ipc")
@ExtendWith(InteropReport.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqIpcMatrixTest extends MatrixCells {
    @RegisterExtension
    static final LibzmqFixture LIBZMQ = new LibzmqFixture();

    @Override
    Party theirs() {
        return new LibzmqParty(LIBZMQ.peer());
    }

    @Override
    String transport() {
        return "ipc";
    }

    @Test
    void ourReqBinds_theirRep_ipc() {
        cell();
    }

    @Test
    void ourReq_theirRepBinds_ipc() {
        cell();
    }

    @Test
    void theirReqBinds_ourRep_ipc() {
        cell();
    }

    @Test
    void theirReq_ourRepBinds_ipc() {
        cell();
    }

    @Test
    void ourReqBinds_theirRouter_ipc() {
        cell();
    }

    @Test
    void ourReq_theirRouterBinds_ipc() {
        cell();
    }

    @Test
    void theirReqBinds_ourRouter_ipc() {
        cell();
    }

    @Test
    void theirReq_ourRouterBinds_ipc() {
        cell();
    }

    @Test
    void ourDealerBinds_theirRep_ipc() {
        cell();
    }

    @Test
    void ourDealer_theirRepBinds_ipc() {
        cell();
    }

    @Test
    void theirDealerBinds_ourRep_ipc() {
        cell();
    }

    @Test
    void theirDealer_ourRepBinds_ipc() {
        cell();
    }

    @Test
    void ourDealerBinds_theirRouter_ipc() {
        cell();
    }

    @Test
    void ourDealer_theirRouterBinds_ipc() {
        cell();
    }

    @Test
    void theirDealerBinds_ourRouter_ipc() {
        cell();
    }

    @Test
    void theirDealer_ourRouterBinds_ipc() {
        cell();
    }

    @Test
    void ourDealerBinds_theirDealer_ipc() {
        cell();
    }

    @Test
    void ourDealer_theirDealerBinds_ipc() {
        cell();
    }

    @Test
    void ourRouterBinds_theirRouter_ipc() {
        cell();
    }

    @Test
    void ourRouter_theirRouterBinds_ipc() {
        cell();
    }

    @Test
    void ourPubBinds_theirSub_ipc() {
        cell();
    }

    @Test
    void ourPub_theirSubBinds_ipc() {
        cell();
    }

    @Test
    void theirPubBinds_ourSub_ipc() {
        cell();
    }

    @Test
    void theirPub_ourSubBinds_ipc() {
        cell();
    }

    @Test
    void ourPubBinds_theirXsub_ipc() {
        cell();
    }

    @Test
    void ourPub_theirXsubBinds_ipc() {
        cell();
    }

    @Test
    void theirPubBinds_ourXsub_ipc() {
        cell();
    }

    @Test
    void theirPub_ourXsubBinds_ipc() {
        cell();
    }

    @Test
    void ourXpubBinds_theirSub_ipc() {
        cell();
    }

    @Test
    void ourXpub_theirSubBinds_ipc() {
        cell();
    }

    @Test
    void theirXpubBinds_ourSub_ipc() {
        cell();
    }

    @Test
    void theirXpub_ourSubBinds_ipc() {
        cell();
    }

    @Test
    void ourXpubBinds_theirXsub_ipc() {
        cell();
    }

    @Test
    void ourXpub_theirXsubBinds_ipc() {
        cell();
    }

    @Test
    void theirXpubBinds_ourXsub_ipc() {
        cell();
    }

    @Test
    void theirXpub_ourXsubBinds_ipc() {
        cell();
    }

    @Test
    void ourPushBinds_theirPull_ipc() {
        cell();
    }

    @Test
    void ourPush_theirPullBinds_ipc() {
        cell();
    }

    @Test
    void theirPushBinds_ourPull_ipc() {
        cell();
    }

    @Test
    void theirPush_ourPullBinds_ipc() {
        cell();
    }

    @Test
    void ourPairBinds_theirPair_ipc() {
        cell();
    }

    @Test
    void ourPair_theirPairBinds_ipc() {
        cell();
    }
}
