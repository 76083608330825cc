package app.smallwins.common.persistence;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * For read endpoints that load many entities (timeline, progress, lists): from the call on,
 * the transaction only reads. Anything already pending (a user provisioned by this request,
 * an invitation bound) is flushed first; entities loaded afterwards keep no snapshot for dirty
 * checking, and nothing is flushed again before queries or at commit.
 */
public final class ReadOnly {

    private ReadOnly() {
    }

    public static void rest(EntityManager em) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
