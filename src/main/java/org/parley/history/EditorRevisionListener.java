package org.parley.history;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import org.hibernate.envers.RevisionListener;

/** Records who made each revision: the authenticated editor, or {@value #SYSTEM} for Parley's own writes. */
public class EditorRevisionListener implements RevisionListener {

    /** The editor of writes made outside a request: the seed data at start. */
    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).editor = currentEditor();
    }

    private static String currentEditor() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }
}
