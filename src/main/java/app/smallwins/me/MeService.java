package app.smallwins.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentCaller;
import app.smallwins.child.ChildService;
import app.smallwins.child.ChildView;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;
import app.smallwins.user.People;

@ApplicationScoped
public class MeService {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    People people;

    @Inject
    ChildService children;

    @Transactional
    public MeView get() {
        Caller caller = currentCaller.get();
        People.Account user = people.account(caller.userId());
        Page<ChildView> visible = children.list(null, PageRequest.MAX_LIMIT);
        return new MeView(user.id(), user.name(), user.username(), user.email(), caller.roles(),
                visible.items().stream().map(c -> new MeView.ChildCapacity(c.id(), c.displayName(),
                        c.preferredName(), c.capacity())).toList(),
                visible.nextCursor() != null);
    }
}
