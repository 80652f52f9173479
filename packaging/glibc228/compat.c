/* Linked into the Python of the bundle for glibc 2.28 (scripts/build_python.sh with
 * GLIBC_COMPAT=2.28), its extension modules and the SQLite it carries. glibc 2.29 gave
 * exp, log, pow, exp2 and log2 new symbol versions (new entry points without the old
 * error-handling wrappers); a program linked on a newer glibc imports those and will not
 * load on 2.28. These hidden definitions make every call in the linked file go to the
 * x86_64 entry points of glibc 2.2.5, which every glibc still exports. */
#include <math.h>

__asm__(".symver exp_old, exp@GLIBC_2.2.5");
__asm__(".symver log_old, log@GLIBC_2.2.5");
__asm__(".symver pow_old, pow@GLIBC_2.2.5");
__asm__(".symver exp2_old, exp2@GLIBC_2.2.5");
__asm__(".symver log2_old, log2@GLIBC_2.2.5");
double exp_old(double);
double log_old(double);
double pow_old(double, double);
double exp2_old(double);
double log2_old(double);

#define HIDDEN __attribute__((visibility("hidden")))
HIDDEN double exp(double x) { return exp_old(x); }
HIDDEN double log(double x) { return log_old(x); }
HIDDEN double pow(double x, double y) { return pow_old(x, y); }
HIDDEN double exp2(double x) { return exp2_old(x); }
HIDDEN double log2(double x) { return log2_old(x); }
