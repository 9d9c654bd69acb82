import GRDB

/// Optuna's relational-storage schema (schema version 12, Alembic revision `v3.2.0.a`, shared by
/// Optuna 4.x and 5.0), so that `optuna.load_study` and optuna-dashboard open our studies and we
/// open theirs. The statements are the DDL that Optuna's SQLAlchemy models emit on SQLite.
/// See docs/STORAGE.md for the tables and the system attributes we add.
enum OptunaSchema {
    /// `version_info.schema_version` as Optuna writes it.
    static let schemaVersion = 12
    /// `alembic_version.version_num`, the migration Optuna expects at this schema version.
    static let alembicRevision = "v3.2.0.a"
    /// What we write in `version_info.library_version`.
    static let libraryVersion = "tune-train 0.1 (optuna schema 12)"

    static let statements = [
        """
        CREATE TABLE studies (
            study_id INTEGER NOT NULL, study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))
        """,
        "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
        """
        CREATE TABLE version_info (
            version_info_id INTEGER NOT NULL, schema_version INTEGER, library_version VARCHAR(256),
            PRIMARY KEY (version_info_id), CHECK (version_info_id=1))
        """,
        """
        CREATE TABLE study_directions (
            study_direction_id INTEGER NOT NULL, direction VARCHAR(8) NOT NULL, study_id INTEGER NOT NULL,
            objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id), UNIQUE (study_id, objective),
            FOREIGN KEY(study_id) REFERENCES studies (study_id))
        """,
        """
        CREATE TABLE study_user_attributes (
            study_user_attribute_id INTEGER NOT NULL, study_id INTEGER, "key" VARCHAR(512), value_json TEXT,
            PRIMARY KEY (study_user_attribute_id), UNIQUE (study_id, "key"),
            FOREIGN KEY(study_id) REFERENCES studies (study_id))
        """,
        """
        CREATE TABLE study_system_attributes (
            study_system_attribute_id INTEGER NOT NULL, study_id INTEGER, "key" VARCHAR(512), value_json TEXT,
            PRIMARY KEY (study_system_attribute_id), UNIQUE (study_id, "key"),
            FOREIGN KEY(study_id) REFERENCES studies (study_id))
        """,
        """
        CREATE TABLE trials (
            trial_id INTEGER NOT NULL, number INTEGER, study_id INTEGER, state VARCHAR(8) NOT NULL,
            datetime_start DATETIME, datetime_complete DATETIME, PRIMARY KEY (trial_id),
            FOREIGN KEY(study_id) REFERENCES studies (study_id))
        """,
        "CREATE INDEX ix_trials_study_id ON trials (study_id)",
        """
        CREATE TABLE trial_user_attributes (
            trial_user_attribute_id INTEGER NOT NULL, trial_id INTEGER, "key" VARCHAR(512), value_json TEXT,
            PRIMARY KEY (trial_user_attribute_id), UNIQUE (trial_id, "key"),
            FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE trial_system_attributes (
            trial_system_attribute_id INTEGER NOT NULL, trial_id INTEGER, "key" VARCHAR(512), value_json TEXT,
            PRIMARY KEY (trial_system_attribute_id), UNIQUE (trial_id, "key"),
            FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE trial_params (
            param_id INTEGER NOT NULL, trial_id INTEGER, param_name VARCHAR(512), param_value FLOAT,
            distribution_json TEXT, PRIMARY KEY (param_id), UNIQUE (trial_id, param_name),
            FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE trial_values (
            trial_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, objective INTEGER NOT NULL, value FLOAT,
            value_type VARCHAR(7) NOT NULL, PRIMARY KEY (trial_value_id), UNIQUE (trial_id, objective),
            FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE trial_intermediate_values (
            trial_intermediate_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, step INTEGER NOT NULL,
            intermediate_value FLOAT, intermediate_value_type VARCHAR(7) NOT NULL,
            PRIMARY KEY (trial_intermediate_value_id), UNIQUE (trial_id, step),
            FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE trial_heartbeats (
            trial_heartbeat_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, heartbeat DATETIME NOT NULL,
            PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))
        """,
        """
        CREATE TABLE alembic_version (
            version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))
        """,
    ]

    /// Creates the tables in an empty database, or checks that an existing one is at the schema
    /// version we read and write.
    /// - Throws: `StorageError.database` naming the file and what to do for a database that is
    ///   not an Optuna study database or has another schema version.
    static func prepare(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.isEmpty {
            for statement in statements { try db.execute(sql: statement) }
            try db.execute(sql: "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)",
                           arguments: [schemaVersion, libraryVersion])
            try db.execute(sql: "INSERT INTO alembic_version (version_num) VALUES (?)", arguments: [alembicRevision])
            return
        }
        guard tables.contains("version_info"), tables.contains("trials") else {
            throw StorageErrorText.notAStudyDatabase(path)
        }
        let version = try Int.fetchOne(db, sql: "SELECT schema_version FROM version_info WHERE version_info_id = 1")
        let revision = tables.contains("alembic_version")
            ? try String.fetchOne(db, sql: "SELECT version_num FROM alembic_version") : nil
        guard version == schemaVersion, revision == nil || revision == alembicRevision else {
            throw StorageErrorText.schemaVersion(path, found: version, revision: revision)
        }
    }
}
