package org.xuncha.findings;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The taxonomy of finding categories (问题类别), kept by the office. */
@Repository
class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> all() {
        return jdbc.sql("select * from findings.category order by position, id")
                .query(Category.class)
                .list();
    }

    List<Category> active() {
        return all().stream().filter(Category::active).toList();
    }

    Optional<Category> find(long id) {
        return jdbc.sql("select * from findings.category where id = :id")
                .param("id", id)
                .query(Category.class)
                .optional();
    }

    Optional<Category> findByName(String name) {
        return jdbc.sql("select * from findings.category where name = :name")
                .param("name", name)
                .query(Category.class)
                .optional();
    }

    @Transactional
    long add(String name) {
        try {
            return jdbc.sql("""
                    insert into findings.category (name, position)
                    values (:name, (select coalesce(max(position), 0) + 1 from findings.category)) returning id
                    """).param("name", name.strip()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new FindingRuleViolation("category.rule.duplicate", name.strip());
        }
    }

    @Transactional
    void revise(long id, String name, boolean active, int version) {
        int rows;
        try {
            rows = jdbc.sql("""
                    update findings.category set name = :name, active = :active, version = version + 1
                    where id = :id and version = :version
                    """)
                    .param("name", name.strip())
                    .param("active", active)
                    .param("id", id)
                    .param("version", version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new FindingRuleViolation("category.rule.duplicate", name.strip());
        }
        if (rows == 0) {
            throw new OptimisticLockingFailureException("category " + id + " was changed by someone else");
        }
    }
}
