package org.parley.topic;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.parley.store.Filter;
import org.parley.store.ListCache;

@ApplicationScoped
public class TopicRepository implements PanacheRepository<Topic> {

    private final ListCache lists;

    public TopicRepository(ListCache lists) {
        this.lists = lists;
    }

    public Filter filter(String q) {
        Filter filter = new Filter();
        if (q != null) {
            filter.where("(lower(slug) like :q escape '\\' or lower(name) like :q escape '\\'"
                    + " or lower(description) like :q escape '\\' or exists (select 1 from Topic t2 join t2.aliases a"
                    + " where t2 = r and lower(a) like :q escape '\\'))", "q", Filter.containsPattern(q));
        }
        return filter;
    }

    public Optional<Topic> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Topic> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    /**
     * The ids of the topics with these slugs, for topic filters; an id no topic has when none of them exists, so
     * that nothing matches. Given as values, the database knows how common each topic is, where a join by slug
     * would leave it to guess.
     */
    public List<Long> idsForFilter(Collection<String> slugs) {
        return lists.lookup("topic ids", List.copyOf(slugs), () -> {
            List<Long> ids = find("select id from Topic where slug in ?1", slugs).project(Long.class).list();
            return ids.isEmpty() ? List.of(-1L) : ids;
        });
    }

    public boolean isReferenced(Topic topic) {
        return getEntityManager().createQuery(
                "select count(*) from Event e join e.topics t where t = :topic", Long.class)
                .setParameter("topic", topic).getSingleResult() > 0
                || getEntityManager().createQuery(
                "select count(*) from Statement s join s.topics t where t = :topic", Long.class)
                .setParameter("topic", topic).getSingleResult() > 0;
    }
}
