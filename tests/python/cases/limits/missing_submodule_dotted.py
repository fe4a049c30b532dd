import json
import nosuchpkg.sub
