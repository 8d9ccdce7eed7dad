#ifndef DEPLOY_CYAML_SHIM_H
#define DEPLOY_CYAML_SHIM_H
#include <yaml.h>
#endif
