/*
 * ServiceLoop: this file replaces the webjar's app/tasklist/scripts/config.js (same classpath path,
 * META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js); language, dates and the custom script
 * are the apps' shared configuration in app/serviceloop/config.js. See docs/webapps.md.
 */
import serviceLoopConfig from '../../serviceloop/config.js';

export default {
  ...serviceLoopConfig('任务列表', 'Tasklist'),
  // as in Camunda's config.js
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
