/* Fixture for hardcoded-credential. Every secret below is fake: made up for this test, valid nowhere. */
#include <stdlib.h>
#include <string.h>

typedef struct st_mysql MYSQL;
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user, const char *passwd, const char *db,
			  unsigned int port, const char *unix_socket, unsigned long clientflag);
typedef struct pg_conn PGconn;
PGconn *PQconnectdb(const char *conninfo);
typedef void CURL;
typedef enum { CURLOPT_USERPWD = 10005, CURLOPT_URL = 10002 } CURLoption;
int curl_easy_setopt(CURL *curl, CURLoption option, ...);
int login(const char *user, const char *password);

struct config {
	const char *api_key;
	const char *api_key_name;
	int max_password_length;
};

struct db_login {
	const char *user;
	const char *password;
};
static const struct db_login logins[] = {
	{.user = "report", .password = "r3p0rt-2024"}, // expect: hardcoded-credential
	{.user = "guest", .password = ""},             // ok: hardcoded-credential
};

/* (b) well-known formats, in literals and in comments */
static const char *aws_id = "AKIAZ7Q2M4N6P8R0T1V3"; // expect: hardcoded-credential
static const char *aws_doc = "AKIAIOSFODNN7EXAMPLE"; // ok: hardcoded-credential (AWS documentation placeholder)
/* deploy with ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R */ // expect: hardcoded-credential
static const char *slack_hook_token = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp"; // expect: hardcoded-credential
static const char *maps = "AIzaSyD-1a2b3c4d5e6f7g8h9i0jKLMNOPQRSTU"; // expect: hardcoded-credential
static const char *billing = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"; // expect: hardcoded-credential
static const char embedded_key[] =
	"-----BEGIN RSA PRIVATE KEY-----\n" // expect: hardcoded-credential
	"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n"
	"7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFc\n"
	"-----END RSA PRIVATE KEY-----\n";
static const char pem_marker[] = "-----BEGIN RSA PRIVATE KEY-----"; // ok: hardcoded-credential (a parser's marker, no key)

/* (a) secrets stored in, compared with or passed as credentials */
static const char *db_password = "hunter2db!"; // expect: hardcoded-credential
static const char *session_token = "a8f5f167f44f4964e6c998dee827110c"; // expect: hardcoded-credential
static const char *password_prompt = "Enter password: "; // ok: hardcoded-credential
static const char *password_env = "APP_DB_PASSWORD"; // ok: hardcoded-credential
static const char *private_key_file = "/etc/app/private/key.pem"; // ok: hardcoded-credential
static const char *default_password = ""; // ok: hardcoded-credential
static const char *secret_template = "${APP_SECRET}"; // ok: hardcoded-credential
static const char *password_label = "Password"; // ok: hardcoded-credential
static const char *token = "end"; // ok: hardcoded-credential (a parser token, not a secret)

int check_admin(const char *input_password)
{
	return strcmp(input_password, "letmein42") == 0; // expect: hardcoded-credential
}

int next_token(const char *token_text)
{
	return strcmp(token_text, "begin") == 0; // ok: hardcoded-credential
}

void configure(struct config *cfg)
{
	cfg->api_key = "9f8e7d6c5b4a39281706"; // expect: hardcoded-credential
	cfg->api_key_name = "X-Api-Key"; // ok: hardcoded-credential
	cfg->max_password_length = 64; // ok: hardcoded-credential
	cfg->api_key = getenv("APP_API_KEY"); // ok: hardcoded-credential
}

int connect_all(MYSQL *m, CURL *h)
{
	char password[64] = ""; // ok: hardcoded-credential
	mysql_real_connect(m, "db.internal", "app", "Tr0ub4dor&3", "appdb", 3306, NULL, 0); // expect: hardcoded-credential
	mysql_real_connect(m, "db.internal", "app", password, "appdb", 3306, NULL, 0); // ok: hardcoded-credential
	PQconnectdb("host=db.internal user=app password=Sup3rS3cret"); // expect: hardcoded-credential
	PQconnectdb("host=db.internal user=app"); // ok: hardcoded-credential
	curl_easy_setopt(h, CURLOPT_USERPWD, "deploy:pa55w0rd-x"); // expect: hardcoded-credential
	curl_easy_setopt(h, CURLOPT_URL, "https://api.vendor.io/"); // ok: hardcoded-credential
	return login("admin", "correcthorse9"); // expect: hardcoded-credential
}

const char *unused(void)
{
	(void)logins; (void)aws_id; (void)aws_doc; (void)slack_hook_token; (void)maps; (void)billing; (void)embedded_key;
	(void)pem_marker; (void)db_password; (void)session_token; (void)password_prompt; (void)password_env;
	(void)private_key_file; (void)default_password; (void)secret_template; (void)password_label; (void)token;
	return NULL;
}

/* placeholders and names that describe secrets are not secrets */
const char *sample_api_key = "your-api-key";       // ok: hardcoded-credential
const char *client_secret = "REPLACE_ME";          // ok: hardcoded-credential
const char *password_regex = "^[a-z0-9]{12,}$";    // ok: hardcoded-credential
const char *csrf_token_name = "csrf_token";        // ok: hardcoded-credential
const char *shadow_marker_password = "*NP*";       // ok: hardcoded-credential
const char *jwt_secret = "s3cr3t-signing-k3y";     // expect: hardcoded-credential
const char *admin_password = "changeme";           // expect: hardcoded-credential
const char *lookup_password(void)
{
	const char *db_password = getenv("DBPASS"); // ok: hardcoded-credential (the name of a variable, not the secret)
	return db_password;
}
