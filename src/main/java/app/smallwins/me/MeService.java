package app.smallwins.me;

import jakarta.enterprise.context.ApplicationScoped;
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

    private final CurrentCaller currentCaller;
    private final People people;
    private final ChildService children;

    MeService(CurrentCaller currentCaller, People people, ChildService children) {
        this.currentCaller = currentCaller;
        this.people = people;
        this.children = children;
    }

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
