/*
 * ServiceLoop: this file replaces the webjar's app/welcome/scripts/config.js (same classpath path,
 * META-INF/resources/webjars/camunda/app/welcome/scripts/config.js); language, dates and the custom script
 * are the apps' shared configuration in app/serviceloop/config.js. See docs/webapps.md.
 */
import serviceLoopConfig from '../../serviceloop/config.js';

export default serviceLoopConfig('欢迎', 'Welcome');
