package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.util.List;

import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AbstractUserAuth;
import org.apache.sshd.server.auth.AbstractUserAuthFactory;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;

/**
 * Lets every client in without a question: coderd authorized the user before the tunnel stream
 * existed, as Coder's agent assumes too.
 *
 * <p>OpenSSH clients first try the {@code none} method, and under {@code BatchMode} (as IDEs run
 * them) without keys they try nothing else. MINA 2.20 fails {@code none} unconditionally, before
 * consulting any factory, so the user-auth service renames an incoming {@code none} request to a
 * private method ({@value #ACCEPT_NONE}) that succeeds; the client only ever sees success. Clients
 * that skip {@code none} get in with any public key, a keyboard-interactive round of zero prompts,
 * or any password.
 */
final class OpenAuthentication {
    /** Private method name (RFC 4250 section 4.6.1) that a {@code none} request is mapped to. */
    static final String ACCEPT_NONE = "none@jcoder.dev";

    private OpenAuthentication() {
    }

    static void apply(SshServer server) {
        server.setServiceFactories(List.of(new NoneAcceptingUserAuthServiceFactory(), ServerConnectionServiceFactory.INSTANCE));
        server.setUserAuthFactories(List.of(
                new AcceptNoneFactory(),
                UserAuthPublicKeyFactory.INSTANCE,
                new UserAuthKeyboardInteractiveFactory(),
                UserAuthPasswordFactory.INSTANCE));
        server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        server.setKeyboardInteractiveAuthenticator(new NoQuestions());
        server.setPasswordAuthenticator((user, password, session) -> true);
    }

    /** The standard {@code ssh-userauth} service, with {@code none} requests renamed. */
    private static final class NoneAcceptingUserAuthServiceFactory implements ServiceFactory {
        @Override
        public String getName() {
            return "ssh-userauth";
        }

        @Override
        public Service create(Session session) throws IOException {
            return new ServerUserAuthService(session) {
                @Override
                public synchronized void process(int cmd, Buffer buffer) throws Exception {
                    super.process(cmd, cmd == SshConstants.SSH_MSG_USERAUTH_REQUEST ? renameNone(buffer) : buffer);
                }
            };
        }

        /** The request with method {@code none} replaced by {@link #ACCEPT_NONE}; others unchanged. */
        private static Buffer renameNone(Buffer request) {
            int start = request.rpos();
            String user = request.getString();
            String service = request.getString();
            String method = request.getString();
            if (!"none".equals(method)) {
                request.rpos(start);
                return request;
            }
            Buffer renamed = new ByteArrayBuffer();
            renamed.putString(user);
            renamed.putString(service);
            renamed.putString(ACCEPT_NONE);
            renamed.putBuffer(request);
            return renamed;
        }
    }

    private static final class AcceptNoneFactory extends AbstractUserAuthFactory {
        AcceptNoneFactory() {
            super(ACCEPT_NONE);
        }

        @Override
        public UserAuth createUserAuth(ServerSession session) {
            return new AbstractUserAuth(ACCEPT_NONE) {
                @Override
                protected Boolean doAuth(Buffer buffer, boolean init) {
                    return Boolean.TRUE;
                }
            };
        }
    }

    /** A keyboard-interactive round with nothing to ask. */
    private static final class NoQuestions implements KeyboardInteractiveAuthenticator {
        @Override
        public InteractiveChallenge generateChallenge(
                ServerSession session, String username, String language, String subMethods) {
            return new InteractiveChallenge();
        }

        @Override
        public boolean authenticate(ServerSession session, String username, List<String> responses) {
            return true;
        }
    }
}
