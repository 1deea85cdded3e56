#include "CWinnowZlib.h"
