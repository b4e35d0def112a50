package io.jzmtp.spec.interop;

import org.junit.jupiter.api.Test;

/**
 * The tcp cells of the socket-type matrix, shared by every peer that speaks tcp (libzmq, JeroMQ): every valid pair,
 * jzmtp on either side, binding or connecting. Each method's name is its cell (see {@link CellName}); a subclass
 * names the peer ({@link #theirs()}) and runs them all.
 */
abstract class TcpMatrixCells extends MatrixCells {
    @Override
    String transport() {
        return "tcp";
    }

    @Test
    void ourReqBinds_theirRep_tcp() {
        cell();
    }

    @Test
    void ourReq_theirRepBinds_tcp() {
        cell();
    }

    @Test
    void theirReqBinds_ourRep_tcp() {
        cell();
    }

    @Test
    void theirReq_ourRepBinds_tcp() {
        cell();
    }

    @Test
    void ourReqBinds_theirRouter_tcp() {
        cell();
    }

    @Test
    void ourReq_theirRouterBinds_tcp() {
        cell();
    }

    @Test
    void theirReqBinds_ourRouter_tcp() {
        cell();
    }

    @Test
    void theirReq_ourRouterBinds_tcp() {
        cell();
    }

    @Test
    void ourDealerBinds_theirRep_tcp() {
        cell();
    }

    @Test
    void ourDealer_theirRepBinds_tcp() {
        cell();
    }

    @Test
    void theirDealerBinds_ourRep_tcp() {
        cell();
    }

    @Test
    void theirDealer_ourRepBinds_tcp() {
        cell();
    }

    @Test
    void ourDealerBinds_theirRouter_tcp() {
        cell();
    }

    @Test
    void ourDealer_theirRouterBinds_tcp() {
        cell();
    }

    @Test
    void theirDealerBinds_ourRouter_tcp() {
        cell();
    }

    @Test
    void theirDealer_ourRouterBinds_tcp() {
        cell();
    }

    @Test
    void ourDealerBinds_theirDealer_tcp() {
        cell();
    }

    @Test
    void ourDealer_theirDealerBinds_tcp() {
        cell();
    }

    @Test
    void ourRouterBinds_theirRouter_tcp() {
        cell();
    }

    @Test
    void ourRouter_theirRouterBinds_tcp() {
        cell();
    }

    @Test
    void ourPubBinds_theirSub_tcp() {
        cell();
    }

    @Test
    void ourPub_theirSubBinds_tcp() {
        cell();
    }

    @Test
    void theirPubBinds_ourSub_tcp() {
        cell();
    }

    @Test
    void theirPub_ourSubBinds_tcp() {
        cell();
    }

    @Test
    void ourPubBinds_theirXsub_tcp() {
        cell();
    }

    @Test
    void ourPub_theirXsubBinds_tcp() {
        cell();
    }

    @Test
    void theirPubBinds_ourXsub_tcp() {
        cell();
    }

    @Test
    void theirPub_ourXsubBinds_tcp() {
        cell();
    }

    @Test
    void ourXpubBinds_theirSub_tcp() {
        cell();
    }

    @Test
    void ourXpub_theirSubBinds_tcp() {
        cell();
    }

    @Test
    void theirXpubBinds_ourSub_tcp() {
        cell();
    }

    @Test
    void theirXpub_ourSubBinds_tcp() {
        cell();
    }

    @Test
    void ourXpubBinds_theirXsub_tcp() {
        cell();
    }

    @Test
    void ourXpub_theirXsubBinds_tcp() {
        cell();
    }

    @Test
    void theirXpubBinds_ourXsub_tcp() {
        cell();
    }

    @Test
    void theirXpub_ourXsubBinds_tcp() {
        cell();
    }

    @Test
    void ourPushBinds_theirPull_tcp() {
        cell();
    }

    @Test
    void ourPush_theirPullBinds_tcp() {
        cell();
    }

    @Test
    void theirPushBinds_ourPull_tcp() {
        cell();
    }

    @Test
    void theirPush_ourPullBinds_tcp() {
        cell();
    }

    @Test
    void ourPairBinds_theirPair_tcp() {
        cell();
    }

    @Test
    void ourPair_theirPairBinds_tcp() {
        cell();
    }
}
