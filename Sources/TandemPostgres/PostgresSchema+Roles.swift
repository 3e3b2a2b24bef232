extension PostgresSchema {
    /// The role every operator's database role is a member of: it holds the table privileges,
    /// and the row-level security policies decide, from the `operator` table of this database,
    /// which rows each member may read and write. Cluster-wide (PostgreSQL roles are), made by
    /// the first Tandem database that needs it, or beforehand by a DBA.
    public static let operatorsRole = "tandem_operators"

    /// Each operator connects as their own database role, named by their login (peer
    /// authentication on the host; a password or certificate from other hosts), and the database
    /// itself refuses what that operator may not do, so that a client bypassing Tandem (psql, a
    /// script) can do no more than Tandem would let it:
    /// - every operator reads the reference tables, the operators and the audit;
    /// - a group supervisor reads only the branches, enterprises, pairings, requests and
    ///   deliveries of their group's districts, and writes nothing;
    /// - a branch lead writes only the requests and deliveries of the enterprise their branch is
    ///   paired with now (and that enterprise's resumption), nothing else;
    /// - dispatchers and admins write pairings, branches, enterprises and requests; only admins
    ///   write operators;
    /// - an audit event is recorded under the connecting role's own name (`wang`, or
    ///   `wang as li` for an admin acting for another), never under someone else's; nobody may
    ///   change or delete one (the v3 triggers), nobody may delete any row.
    /// The owner of the tables (who ran `tandem init`) is not subject to the policies: it is the
    /// database's administrator. A role that is not an operator of this database passes the
    /// privilege check but no policy. The counters the statement triggers keep are written by
    /// `SECURITY DEFINER` functions, so that operators need no privilege on them.
    /// An operator added to the `operator` table (by Tandem or by psql) gets a login role of
    /// that name, a member of `tandem_operators`, by a trigger; creating roles needs the owner to
    /// have CREATEROLE, as `tandem init` on PostgreSQL does.
    static let pg3OperatorRoles = """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(operatorsRole)') THEN
                CREATE ROLE \(operatorsRole) NOLOGIN;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database made it at the same moment
        END $$;
        DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO \(operatorsRole)', current_schema()); END $$;

        GRANT SELECT ON \(migrationsTable), supervision_group, district, operator, branch, enterprise, pairing, request, delivery,
            audit_event, change_counter, audit_high_water TO \(operatorsRole);
        GRANT INSERT, UPDATE ON operator, branch, enterprise, pairing, request TO \(operatorsRole);
        GRANT INSERT ON delivery, audit_event TO \(operatorsRole);

        ALTER FUNCTION count_change() SECURITY DEFINER;
        ALTER FUNCTION audit_event_raise_high_water() SECURITY DEFINER;

        -- Who is connected, as this database knows them. SECURITY INVOKER: current_user is the
        -- operator's role. Policies call them as `(SELECT f())`, evaluated once per statement.
        CREATE FUNCTION tandem_actor_role() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT role FROM operator WHERE login = current_user
        $$;
        CREATE FUNCTION tandem_actor_writes() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT coalesce((SELECT role IN ('dispatcher', 'admin') FROM operator WHERE login = current_user), false)
        $$;
        CREATE FUNCTION tandem_actor_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT coalesce((SELECT role <> 'supervisor' OR group_number IS NULL FROM operator WHERE login = current_user), false)
        $$;
        CREATE FUNCTION tandem_actor_districts() RETURNS SETOF text LANGUAGE sql STABLE AS $$
            SELECT d.code FROM district d JOIN operator o ON o.group_number = d.group_number
            WHERE o.login = current_user AND o.role = 'supervisor'
        $$;
        CREATE FUNCTION tandem_actor_enterprise() RETURNS bigint LANGUAGE sql STABLE AS $$
            SELECT p.enterprise_number FROM pairing p JOIN operator o ON o.branch_number = p.branch_number
            WHERE o.login = current_user AND o.role = 'lead' AND p.ended_at IS NULL
        $$;

        ALTER TABLE operator ENABLE ROW LEVEL SECURITY;
        CREATE POLICY operator_read ON operator FOR SELECT USING (true);
        CREATE POLICY operator_add ON operator FOR INSERT WITH CHECK ((SELECT tandem_actor_role()) = 'admin');
        CREATE POLICY operator_edit ON operator FOR UPDATE USING ((SELECT tandem_actor_role()) = 'admin');

        ALTER TABLE branch ENABLE ROW LEVEL SECURITY;
        CREATE POLICY branch_read ON branch FOR SELECT
            USING ((SELECT tandem_actor_sees_all()) OR district_code IN (SELECT tandem_actor_districts()));
        CREATE POLICY branch_add ON branch FOR INSERT WITH CHECK ((SELECT tandem_actor_writes()));
        CREATE POLICY branch_edit ON branch FOR UPDATE USING ((SELECT tandem_actor_writes()));

        ALTER TABLE enterprise ENABLE ROW LEVEL SECURITY;
        CREATE POLICY enterprise_read ON enterprise FOR SELECT
            USING ((SELECT tandem_actor_sees_all()) OR district_code IN (SELECT tandem_actor_districts()));
        CREATE POLICY enterprise_add ON enterprise FOR INSERT WITH CHECK ((SELECT tandem_actor_writes()));
        CREATE POLICY enterprise_edit ON enterprise FOR UPDATE
            USING ((SELECT tandem_actor_writes()) OR number = (SELECT tandem_actor_enterprise()));

        ALTER TABLE pairing ENABLE ROW LEVEL SECURITY;
        -- A pairing across groups shows from both ends: a group's branch is not "free" because
        -- the enterprise it helps lies in another group.
        CREATE POLICY pairing_read ON pairing FOR SELECT
            USING ((SELECT tandem_actor_sees_all()) OR enterprise_number IN (SELECT number FROM enterprise)
                   OR branch_number IN (SELECT number FROM branch));
        CREATE POLICY pairing_add ON pairing FOR INSERT WITH CHECK ((SELECT tandem_actor_writes()));
        CREATE POLICY pairing_edit ON pairing FOR UPDATE USING ((SELECT tandem_actor_writes()));

        ALTER TABLE request ENABLE ROW LEVEL SECURITY;
        CREATE POLICY request_read ON request FOR SELECT
            USING ((SELECT tandem_actor_sees_all()) OR enterprise_number IN (SELECT number FROM enterprise));
        CREATE POLICY request_add ON request FOR INSERT
            WITH CHECK ((SELECT tandem_actor_writes()) OR enterprise_number = (SELECT tandem_actor_enterprise()));
        CREATE POLICY request_edit ON request FOR UPDATE
            USING ((SELECT tandem_actor_writes()) OR enterprise_number = (SELECT tandem_actor_enterprise()));

        ALTER TABLE delivery ENABLE ROW LEVEL SECURITY;
        CREATE POLICY delivery_read ON delivery FOR SELECT
            USING ((SELECT tandem_actor_sees_all()) OR request_number IN (SELECT number FROM request));
        CREATE POLICY delivery_add ON delivery FOR INSERT
            WITH CHECK ((SELECT tandem_actor_writes())
                        OR request_number IN (SELECT number FROM request WHERE enterprise_number = (SELECT tandem_actor_enterprise())));

        ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
        CREATE POLICY audit_read ON audit_event FOR SELECT USING ((SELECT tandem_actor_role()) IS NOT NULL);
        CREATE POLICY audit_add ON audit_event FOR INSERT
            WITH CHECK ((SELECT tandem_actor_role()) IS NOT NULL
                        AND (CASE WHEN strpos(operator_login, ' as ') > 0 THEN substr(operator_login, 1, strpos(operator_login, ' as ') - 1)
                             ELSE operator_login END) = current_user);

        CREATE FUNCTION operator_enrol_role() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
            IF octet_length(NEW.login) > 63 THEN
                RAISE EXCEPTION 'operator login "%" is longer than the 63 bytes of a PostgreSQL role name', NEW.login;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = NEW.login) THEN
                BEGIN
                    EXECUTE format('CREATE ROLE %I LOGIN', NEW.login);
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL; -- made at the same moment by another database of this cluster
                END;
            END IF;
            IF NOT pg_has_role(NEW.login, '\(operatorsRole)', 'MEMBER') THEN
                BEGIN
                    EXECUTE format('GRANT \(operatorsRole) TO %I', NEW.login);
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL;
                END;
            END IF;
            RETURN NULL;
        END $$;
        -- Every function names tables unqualified: pin its search path to this schema, with
        -- pg_temp last, so that a temporary table of an operator's cannot stand in for `operator`.
        DO $$
        DECLARE f text;
        BEGIN
            FOREACH f IN ARRAY ARRAY['count_change()', 'audit_event_raise_high_water()', \(operatorRoleFunctions.map { "'\($0)'" }.joined(separator: ", "))] LOOP
                EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
            END LOOP;
        END $$;
        CREATE TRIGGER operator_enrol AFTER INSERT ON operator FOR EACH ROW EXECUTE FUNCTION operator_enrol_role();
        DO $$
        DECLARE login text;
        BEGIN
            FOR login IN SELECT o.login FROM operator o LOOP
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN EXECUTE format('CREATE ROLE %I LOGIN', login); END IF;
                IF NOT pg_has_role(login, '\(operatorsRole)', 'MEMBER') THEN EXECUTE format('GRANT \(operatorsRole) TO %I', login); END IF;
            END LOOP;
        END $$;
        """

    /// The functions `pg3-operator-roles` made, for `init --force` to drop with the tables.
    static let operatorRoleFunctions = ["tandem_actor_role()", "tandem_actor_writes()", "tandem_actor_sees_all()",
                                        "tandem_actor_districts()", "tandem_actor_enterprise()", "operator_enrol_role()"]
}
